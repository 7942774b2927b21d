namespace NotebookEngine;

/// <summary>
/// Maps an assembly of an installed shared framework
/// (<c>dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Console.dll</c>) to its SDK reference pack folder
/// (<c>dotnet/packs/Microsoft.NETCore.App.Ref/10.0.12/ref/net10.0</c>), where the XML documentation lives.
/// </summary>
internal static class ReferencePack
{
    /// <summary>The reference folder for the framework holding <paramref name="assemblyPath"/>, or null (not a
    /// framework, no SDK pack).</summary>
    public static string? DirectoryFor(string assemblyPath)
    {
        var versionDirectory = Path.GetDirectoryName(assemblyPath);
        var frameworkDirectory = Path.GetDirectoryName(versionDirectory);
        var sharedDirectory = Path.GetDirectoryName(frameworkDirectory);
        if (versionDirectory is null
            || frameworkDirectory is null
            || sharedDirectory is null
            || Path.GetFileName(sharedDirectory) != "shared")
        {
            return null;
        }

        var packs = Path.Combine(
            Path.GetDirectoryName(sharedDirectory)!,
            "packs",
            Path.GetFileName(frameworkDirectory) + ".Ref");
        if (!Version.TryParse(Path.GetFileName(versionDirectory).Split('-')[0], out var runtime)
            || !Directory.Exists(packs))
        {
            return null;
        }

        // The SDK's pack may trail or lead the runtime by a patch: the same version, else the newest of the same major.
        var pack = Directory.GetDirectories(packs)
            .Select(directory => (
                directory,
                version: Version.TryParse(Path.GetFileName(directory).Split('-')[0], out var v) ? v : null))
            .Where(candidate => candidate.version?.Major == runtime.Major)
            .OrderByDescending(candidate => candidate.version == runtime)
            .ThenByDescending(candidate => candidate.version)
            .Select(candidate => Path.Combine(candidate.directory, "ref", $"net{runtime.Major}.{runtime.Minor}"))
            .FirstOrDefault(Directory.Exists);
        return pack;
    }
}
