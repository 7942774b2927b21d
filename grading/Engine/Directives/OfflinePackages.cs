using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.DependencyModel;

namespace NotebookEngine;

/// <summary>
/// Resolves <c>#r "nuget:…"</c> offline, from the packages the engine itself ships with (its deps.json), because
/// the grader has no NuGet restore at run time. Plotly.NET.Interactive is satisfied by the engine's chart formatter.
/// </summary>
internal static class OfflinePackages
{
    /// <summary>Packages whose role the engine plays itself: accepted with no assembly to add.</summary>
    private static readonly Dictionary<string, string> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Plotly.NET.Interactive"] = "the engine's own chart formatter",
        ["Microsoft.DotNet.Interactive"] = "the engine's display helpers",
    };

    /// <summary>The package's assemblies and its shipped version, or an error saying what is available and how to add one.</summary>
    public static (IReadOnlyList<Assembly> Assemblies, string Version, string? Error) Resolve(PackageRequest request)
    {
        if (BuiltIn.ContainsKey(request.Name))
        {
            return ([], request.Version.Length > 0 ? request.Version : "built in", null);
        }

        var context = DependencyContext.Default;
        var library = context?.RuntimeLibraries.FirstOrDefault(l =>
            l.Type == "package" && string.Equals(l.Name, request.Name, StringComparison.OrdinalIgnoreCase));
        if (library is null)
        {
            var available = context?.RuntimeLibraries.Where(l => l.Type == "package" && IsNotebookPackage(l.Name))
                .Select(l => $"{l.Name} {l.Version}").Order() ?? Enumerable.Empty<string>();
            return ([], "", $"Package '{request.Name}' is not available offline. The grader ships: " +
                $"{string.Join(", ", available.Concat(BuiltIn.Keys))}. To add one, add a PackageReference to " +
                "grading/Engine/Engine.csproj and rebuild.");
        }

        var assemblies = library.RuntimeAssemblyGroups.SelectMany(g => g.AssetPaths)
            .Select(path => AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(Path.GetFileNameWithoutExtension(path))))
            .ToArray();
        return (assemblies, library.Version, null);
    }

    private static bool IsNotebookPackage(string name) =>
        !name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && !name.StartsWith("runtime.", StringComparison.Ordinal);
}
