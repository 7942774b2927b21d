namespace Grading.Cli;

/// <summary>Where the grader's defaults point: folders of the repository that holds the course (the one with
/// EmbeddingsCourse.slnx).</summary>
internal static class RepositoryPaths
{
    private const string SolutionFile = "EmbeddingsCourse.slnx";

    /// <summary>The repository root, found upward from the current directory, then from the grader's own
    /// folder.</summary>
    public static string Root =>
        FindRoot(Environment.CurrentDirectory) ?? FindRoot(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;

    /// <summary>The instructor's source notebooks.</summary>
    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>Where <c>release</c> writes the student folder by default.</summary>
    public static string Release => Path.Combine(Root, "grading", "release");

    /// <summary>A path relative to the current directory when inside it (shorter messages), else absolute.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) && relative.Count(c => c == '/') > 2
            ? path
            : relative;
    }

    private static string? FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
