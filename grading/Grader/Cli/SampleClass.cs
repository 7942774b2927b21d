using Grading.Gradebook;

namespace Grading.Cli;

/// <summary>
/// The bundled sample class (grading/samples/): where it is, and the one way verbs tell it is what they were given — by
/// its submissions folder (autograde) or by the gradebook it produced (manual, merge) — so their defaults agree.
/// </summary>
internal static class SampleClass
{
    /// <summary>The sample students' submissions.</summary>
    public static string Submissions => Path.Combine(RepositoryPaths.Root, "grading", "samples", "class");

    /// <summary>The sample assignment's instructor notebooks.</summary>
    public static string Source => Path.Combine(RepositoryPaths.Root, "grading", "samples", "assignment", "notebooks");

    /// <summary>The sample class's collection file of submission times.</summary>
    public static string Times => Path.Combine(RepositoryPaths.Root, "grading", "samples", "class-times.csv");

    /// <summary>The assignment name a gradebook of the sample class records (its source folder's parent).</summary>
    private const string AssignmentName = "assignment";

    /// <summary>True when <paramref name="submissions"/> is the sample class's folder.</summary>
    public static bool IsSubmissions(string submissions) =>
        Path.GetFullPath(submissions) == Path.GetFullPath(Submissions);

    /// <summary>True when the gradebook in <paramref name="output"/> was graded from the sample assignment.</summary>
    public static bool IsGradedIn(string output) =>
        GradebookJson.Read<ClassGradebook>(Path.Combine(output, "gradebook.json")) is { Assignment: AssignmentName };
}
