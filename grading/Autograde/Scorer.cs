using Grading.Gradebook;
using Grading.Isolation;
using Grading.Notebooks;
using Grading.Release;

namespace Grading.Autograde;

/// <summary>
/// Turns what the worker observed into grades (docs/grading-model.md §4): a test cell scores by its status and numeric return
/// value, never by anything printed; every lost point carries a reason; a manual answer left as released is "No response."
/// </summary>
internal static class Scorer
{
    public static IReadOnlyList<CellGrade> Score(AssignmentSource source, Notebook sanitized, IReadOnlyDictionary<int, WorkerCellReport> reports,
        IReadOnlyList<(int Cell, string Note)> notes)
    {
        var grades = new List<CellGrade>();
        foreach (var graded in source.Source.Cells.Where(c => c.Nbgrader is { Grade: true } or { Task: true }))
        {
            var nb = graded.Nbgrader!;
            var id = nb.GradeId!;
            var index = sanitized.Cells.FindIndex(c => c.GradeId == id);
            var cell = sanitized.Cells[index];
            var max = nb.Points ?? 0;
            var tamper = notes.Where(n => n.Note.Contains($"'{id}'", StringComparison.Ordinal)).Select(n => n.Note).ToList();
            if (nb.IsAutogradedTest)
            {
                grades.Add(ScoreTest(id, max, reports.GetValueOrDefault(index), tamper));
            }
            else if (nb.IsManualAnswer && CellChecksum.Compute(cell) == source.ReleasedChecksum(id))
            {
                grades.Add(new CellGrade(id, CellKinds.Manual, 0, null, max, "no-response", "No response.", null, tamper));
            }
            else
            {
                grades.Add(new CellGrade(id, nb.IsTask ? CellKinds.Task : CellKinds.Manual, null, null, max, "needs-manual-grade", null, null, tamper));
            }
        }

        return grades;
    }

    private static CellGrade ScoreTest(string id, double max, WorkerCellReport? report, IReadOnlyList<string> tamper)
    {
        if (report is null)
        {
            return new CellGrade(id, CellKinds.Tests, 0, null, max, "failed", "The test cell did not run.", null, tamper);
        }

        if (!report.Succeeded)
        {
            return new CellGrade(id, CellKinds.Tests, 0, null, max, "failed", report.Failure ?? report.Status, null, tamper);
        }

        if (report.NumericReturnValue is { } awarded && awarded <= 0)
        {
            return new CellGrade(id, CellKinds.Tests, 0, null, max, "failed", $"The tests awarded 0 of {max:0.##} points: none of their cases held.", null, tamper);
        }

        if (report.NumericReturnValue is { } partial && partial < max)
        {
            var score = Math.Clamp(partial, 0, max);
            return new CellGrade(id, CellKinds.Tests, score, null, max, "partial", $"Partial credit: the tests awarded {score:0.##} of {max:0.##} points.", null, tamper);
        }

        return new CellGrade(id, CellKinds.Tests, max, null, max, "passed", null, null, tamper);
    }
}
