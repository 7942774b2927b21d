namespace Grading.Gradebook;

/// <summary>A score and comment an instructor gave one manually graded cell (from <c>manual import</c>).</summary>
internal sealed record ManualGrade(string Student, string Notebook, string GradeId, double Score, string? Comment);

/// <summary>The manual grades kept beside the gradebook: they survive re-runs and win over automatic scores.</summary>
internal static class ManualGrades
{
    public const string FileName = "manual-grades.json";

    public static IReadOnlyList<ManualGrade> Load(string output) =>
        GradebookJson.Read<List<ManualGrade>>(Path.Combine(output, FileName)) ?? [];

    /// <summary>
    /// The one merge rule (import and merge): one grade per student, notebook and cell; a grade in
    /// <paramref name="newer"/> replaces the one in <paramref name="older"/> for the same cell.
    /// </summary>
    public static List<ManualGrade> Merge(IEnumerable<ManualGrade> older, IEnumerable<ManualGrade> newer)
    {
        var byCell = new Dictionary<(string Student, string Notebook, string GradeId), ManualGrade>();
        foreach (var grade in older.Concat(newer))
        {
            byCell[(grade.Student, grade.Notebook, grade.GradeId)] = grade;
        }

        return [.. byCell.Values];
    }

    public static NotebookGrade Apply(NotebookGrade grade, IReadOnlyList<ManualGrade> manual) => grade with
    {
        Cells = grade.Cells
            .Select(cell => manual.LastOrDefault(m =>
                    m.Student == grade.Student && m.Notebook == grade.Notebook && m.GradeId == cell.GradeId)
                is { } given
                ? cell with
                {
                    ManualScore = Math.Clamp(given.Score, 0, cell.MaxScore),
                    Comment = given.Comment,
                    Status = GradeStatus.ManuallyGraded,
                }
                : cell)
            .ToList(),
    };
}
