namespace Grading.Cli;

/// <summary>Expands the notebook arguments of a verb: files as given, folders to their *.ipynb (sorted).</summary>
internal static class NotebookPaths
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var found = new List<string>();
        var absent = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                found.AddRange(Directory.EnumerateFiles(path, "*.ipynb").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                found.Add(path);
            }
            else
            {
                absent.Add(path);
            }
        }

        missing = absent;
        return found;
    }
}
