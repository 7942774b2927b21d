using Grading.Gradebook;
using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Running.Isolation;

namespace Grading.Autograde;

/// <summary>
/// Turns what the worker observed into grades (docs/grading-model.md §4): a test cell scores by
/// <see cref="TestCellScore"/> (its status and numeric return value, never anything printed); every lost point carries
/// a reason; a manual answer left as released is "No response."; each grade carries the tamper notes left on its grade
/// id.
/// </summary>
internal static class Scorer
{
    public static IReadOnlyList<CellGrade> Score(
        AssignmentSource source,
        Notebook sanitized,
        IReadOnlyDictionary<int, WorkerCellReport> reports,
        IReadOnlyList<GradingNote> notes)
    {
        var grades = new List<CellGrade>();
        foreach (var graded in source.Source.Cells.Where(c => c.Kind().IsGraded()))
        {
            var nb = graded.Nbgrader!;
            var id = nb.GradeId!;
            var index = sanitized.Cells.FindIndex(c => c.GradeId == id);
            var max = nb.Points ?? 0;
            var tamper = notes.Where(n => n.Kind == NoteKind.Tamper && n.GradeId == id).Select(n => n.Text).ToList();
            if (nb.Kind == CellKind.Tests)
            {
                var report = reports.GetValueOrDefault(index);
                var (score, status, reason) = report is null
                    ? new TestCellScore(0, GradeStatus.Failed, "The test cell did not run.")
                    : TestCellScore.Of(
                        max,
                        report.Succeeded,
                        report.NumericReturnValue,
                        report.Failure ?? report.Status.ToString());
                grades.Add(new CellGrade(
                    id,
                    nb.Kind,
                    AutoScore: score,
                    ManualScore: null,
                    MaxScore: max,
                    status,
                    reason,
                    Comment: null,
                    tamper));
            }
            else if (nb.Kind == CellKind.Manual
                && CellChecksum.MatchesRelease(sanitized.Cells[index], source.ReleasedChecksum(id)))
            {
                grades.Add(new CellGrade(
                    id,
                    nb.Kind,
                    AutoScore: 0,
                    ManualScore: null,
                    MaxScore: max,
                    GradeStatus.NoResponse,
                    "No response.",
                    Comment: null,
                    tamper));
            }
            else
            {
                grades.Add(new CellGrade(
                    id,
                    nb.Kind,
                    AutoScore: null,
                    ManualScore: null,
                    MaxScore: max,
                    GradeStatus.NeedsManualGrade,
                    Reason: null,
                    Comment: null,
                    tamper));
            }
        }

        return grades;
    }
}
