using Microsoft.CodeAnalysis.Scripting;

namespace NotebookEngine;

/// <summary>What a cell's <c>#r "nuget: …"</c> lines added, in order, up to the first that cannot be used.</summary>
/// <param name="Options">The options with the added packages' assemblies; null when the caller had no options.</param>
/// <param name="Added">Each added package with what it resolved to, in the cell's order.</param>
/// <param name="Error">Why the package after the added ones cannot be used; null when every one was added.</param>
internal sealed record CellPackages(
    ScriptOptions? Options,
    IReadOnlyList<(PackageRequest Request, PackageResolution Resolution)> Added,
    string? Error)
{
    /// <summary>
    /// Resolves <paramref name="packages"/> in order and adds each one's assemblies to <paramref name="options"/>,
    /// stopping at the first that is not available; those before it stay added. The session and
    /// <see cref="Analysis.ScriptChain"/> both come here, so a review compiles against exactly the packages the session
    /// will hold.
    /// </summary>
    /// <param name="options">The chain's options so far; null for a session that runs precompiled cells, where
    /// resolving (which loads the assemblies) is all a package needs.</param>
    /// <param name="packages">The cell's package requests.</param>
    public static CellPackages Add(ScriptOptions? options, IReadOnlyList<PackageRequest> packages)
    {
        var added = new List<(PackageRequest, PackageResolution)>();
        foreach (var package in packages)
        {
            var resolution = OfflinePackages.Resolve(package);
            if (resolution.Error is not null)
            {
                return new CellPackages(options, added, resolution.Error);
            }

            options = options?.AddAssemblies(resolution.Assemblies);
            added.Add((package, resolution));
        }

        return new CellPackages(options, added, null);
    }
}
