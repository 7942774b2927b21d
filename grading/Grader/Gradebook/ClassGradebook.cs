namespace Grading.Gradebook;

/// <summary>The whole gradebook: every student × notebook that was graded, as written to gradebook.json.</summary>
/// <param name="Assignment">The assignment's name (the source folder's name).</param>
/// <param name="DueDate">The due date used for late penalties, if one was given.</param>
/// <param name="LatePolicy">The late policy in the CLI's words (none, zero, per-hour:P).</param>
/// <param name="Notebooks">One entry per student × notebook, sorted by student then notebook.</param>
internal sealed record ClassGradebook(string Assignment, DateTimeOffset? DueDate, string LatePolicy,
    IReadOnlyList<NotebookGrade> Notebooks)
{
    /// <summary>The students in the gradebook, sorted.</summary>
    public IEnumerable<string> Students =>
        Notebooks.Select(n => n.Student).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
