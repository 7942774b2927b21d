namespace Grading.Export;

/// <summary>
/// What a file-based app needs at its top, gathered from every cell: <c>#:package</c> and <c>#:project</c> lines, and
/// comments for directives it cannot express. Kept in first-seen order, each package and project once.
/// </summary>
internal sealed class AppDirectives
{
    private readonly List<string> packages = [];
    private readonly List<string> projects = [];
    private readonly List<string> notes = [];

    /// <summary><c>#:package</c> lines.</summary>
    public IReadOnlyList<string> Packages => packages;

    /// <summary><c>#:project</c> lines.</summary>
    public IReadOnlyList<string> Projects => projects;

    /// <summary>Comment lines explaining what was left out, and why.</summary>
    public IReadOnlyList<string> Notes => notes;

    public void AddPackage(string name, string version)
    {
        var line = $"#:package {name}@{version}";
        if (!packages.Any(p => p.StartsWith($"#:package {name}@", StringComparison.OrdinalIgnoreCase)))
        {
            packages.Add(line);
        }
    }

    public void AddProject(string relativePath)
    {
        var line = $"#:project {relativePath}";
        if (!projects.Contains(line))
        {
            projects.Add(line);
        }
    }

    public void AddNote(string note)
    {
        if (!notes.Contains(note))
        {
            notes.Add(note);
        }
    }
}
