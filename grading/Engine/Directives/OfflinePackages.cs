using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.DependencyModel;

namespace NotebookEngine;

/// <summary>What <c>#r "nuget: …"</c> resolved to.</summary>
/// <param name="Assemblies">The package's assemblies and those of the packages it depends on, loaded.</param>
/// <param name="Version">The version the engine ships (what "Installed Packages" shows).</param>
/// <param name="Note">A warning for stderr when the notebook asked for another major version; null otherwise.</param>
/// <param name="Error">Why the package cannot be used; null when it can.</param>
internal sealed record PackageResolution(
    IReadOnlyList<Assembly> Assemblies,
    string Version,
    string? Note,
    string? Error);

/// <summary>
/// Resolves <c>#r "nuget:…"</c> offline, from the packages the engine itself ships with (the host's deps.json), because
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

    /// <summary>The package's assemblies and shipped version, or an error saying what is available and how to add
    /// one.</summary>
    public static PackageResolution Resolve(PackageRequest request)
    {
        if (BuiltIn.ContainsKey(request.Name))
        {
            return new([], request.Version.Length > 0 ? request.Version : "built in", null, null);
        }

        var context = DependencyContext.Default;
        var library = Find(context, request.Name);
        if ((context is null || library is null) && SharedFrameworkAssembly(request.Name) is { } shared)
        {
            // NuGet resolves a package the shared framework already carries (System.Text.Json) to the framework's copy.
            var version = shared.GetName().Version?.ToString(3) ?? Environment.Version.ToString(3);
            return new([shared], version, null, null);
        }

        if (context is null || library is null)
        {
            var available = context?.RuntimeLibraries.Where(l => l.Type == "package" && IsNotebookPackage(l.Name))
                .Select(l => $"{l.Name} {l.Version}").Order() ?? Enumerable.Empty<string>();
            return new([], "", null, $"Package '{request.Name}' is not available offline. The grader ships: " +
                $"{string.Join(", ", available.Concat(BuiltIn.Keys))}. To add one, add a PackageReference to " +
                "grading/Engine/Engine.csproj and rebuild.");
        }

        // The real kernel references every assembly of the restored closure,
        // so the package's dependencies are usable too.
        var assemblies = Closure(context, library)
            .SelectMany(l => l.GetDefaultAssemblyNames(context))
            .DistinctBy(name => name.Name)
            .Select(TryLoad)
            .OfType<Assembly>()
            .ToArray();
        return new(assemblies, library.Version, VersionNote(request, library.Version), null);
    }

    // A different version of the same major is compatible by SemVer, so it is used silently; another major may behave
    // differently, so the notebook still runs with what the grader has, and stderr says so
    // (stderr never zeroes a cell).
    private static string? VersionNote(PackageRequest request, string shipped)
    {
        if (request.Version is "" or "*" or "*-*" || SameMajor(request.Version, shipped))
        {
            return null;
        }

        return $"warning: the notebook asks for {request.Name} {request.Version}; " +
               $"the grader ships {shipped} and uses it.\n";
    }

    private static bool SameMajor(string requested, string shipped)
    {
        static string[] Parts(string version) => version.TrimStart('[', '(').Split('-', ',')[0].Split('.');
        var (a, b) = (Parts(requested), Parts(shipped));
        // Below 1.0 every minor version may break (SemVer), so 0.x compares the minor too.
        return a[0] == b[0] && (a[0] != "0" || (a.Length > 1 && b.Length > 1 && a[1] == b[1]));
    }

    private static IEnumerable<RuntimeLibrary> Closure(DependencyContext context, RuntimeLibrary root)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<RuntimeLibrary>([root]);
        while (pending.TryPop(out var library))
        {
            if (!seen.Add(library.Name))
            {
                continue;
            }

            yield return library;
            foreach (var dependency in library.Dependencies)
            {
                if (Find(context, dependency.Name) is { } next)
                {
                    pending.Push(next);
                }
            }
        }
    }

    // An asset the deps.json lists may be absent when a host trims its output; the rest of the package still works.
    private static Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    // The framework's own assemblies sit in the runtime directory; only those count, never a file beside the host.
    private static Assembly? SharedFrameworkAssembly(string name)
    {
        var file = Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), name + ".dll");
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || !File.Exists(file))
        {
            return null;
        }

        return TryLoad(new AssemblyName(name));
    }

    private static RuntimeLibrary? Find(DependencyContext? context, string name) =>
        context?.RuntimeLibraries.FirstOrDefault(
            l => l.Type == "package" && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    private static bool IsNotebookPackage(string name) =>
        !name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            && !name.StartsWith("runtime.", StringComparison.Ordinal);
}
