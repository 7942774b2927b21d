namespace NotebookEngine;

/// <summary>The files the runtime loads by itself (its trusted platform assemblies: the framework and what the engine
/// ships); they do not change while the process runs.</summary>
internal static class PlatformAssemblies
{
    private static readonly HashSet<string> Paths =
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="path"/> is one of them.</summary>
    public static bool Contains(string path) => Paths.Contains(path);
}
