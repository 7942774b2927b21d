namespace Grading.Gradebook;

/// <summary>A score and comment an instructor gave one manually graded cell (from <c>manual import</c>).</summary>
internal sealed record ManualGrade(string Student, string Notebook, string GradeId, double Score, string? Comment);

/// <summary>The manual grades kept beside the gradebook: they survive re-runs and win over automatic scores.</summary>
internal static class ManualGrades
{
    public const string FileName = "manual-grades.json";

    public static IReadOnlyList<ManualGrade> Load(string output) =>
        GradebookJson.Read<List<ManualGrade>>(Path.Combine(output, FileName)) ?? [];

    public static NotebookGrade Apply(NotebookGrade grade, IReadOnlyList<ManualGrade> manual) => grade with
    {
        Cells = grade.Cells.Select(cell => manual.LastOrDefault(m => m.Student == grade.Student && m.Notebook == grade.Notebook && m.GradeId == cell.GradeId) is { } given
            ? cell with { ManualScore = Math.Clamp(given.Score, 0, cell.MaxScore), Comment = given.Comment, Status = "manually-graded" }
            : cell).ToList(),
    };
}
