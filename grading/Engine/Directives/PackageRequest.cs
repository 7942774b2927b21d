namespace NotebookEngine;

/// <summary>One <c>#r "nuget: Name, Version"</c>.</summary>
/// <param name="Name">The package id.</param>
/// <param name="Version">The requested version, or "" for the newest.</param>
internal sealed record PackageRequest(string Name, string Version)
{
    /// <summary>Parses the quoted value as the kernel's PackageReference.TryParse: "nuget:" then name,
    /// optional version.</summary>
    public static PackageRequest? TryParse(string value)
    {
        var text = value["nuget:".Length..].Trim();
        var parts = text.Split(',', 2, StringSplitOptions.TrimEntries);
        return parts[0].Length == 0 ? null : new PackageRequest(parts[0], parts.Length > 1 ? parts[1] : "");
    }
}
