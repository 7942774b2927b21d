using System.Text.Json.Nodes;
using Grading.Autograde;
using Grading.Gradebook;
using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>
/// The scorer on its own, in memory: a test cell scores by the worker's status and numeric return value only, every
/// lost point has a reason, partial credit is clamped, and an unanswered manual question is "No response.".
/// </summary>
public class ScorerTests
{
    private static readonly AssignmentSource Tiny = AssignmentSource.Load(Fixture.TinyNotebook);

    private static int IndexOf(string gradeId) => Tiny.Released.Cells.FindIndex(c => c.GradeId == gradeId);

    private static WorkerCellReport Report(
        string gradeId,
        WorkerCellStatus status,
        string? failure = null,
        double? returned = null) =>
        new(IndexOf(gradeId), status, failure, returned, new JsonArray(), TimeSpan.Zero);

    private static Gradebook.CellGrade Score(string gradeId, params WorkerCellReport[] reports) =>
        Scorer.Score(Tiny, Tiny.Released.Clone(), reports.ToDictionary(r => r.Index), [])
            .Single(g => g.GradeId == gradeId);

    [Fact]
    public void ASucceededTestCell_EarnsItsPoints()
    {
        var grade = Score("square_tests", Report("square_tests", WorkerCellStatus.Succeeded));
        Assert.Equal(
            (2.0, 2.0, GradeStatus.Passed, (string?)null),
            (grade.Score, grade.MaxScore, grade.Status, grade.Reason));
    }

    [Fact]
    public void AFailedTestCell_EarnsNothing_AndTheFailureIsTheReason()
    {
        var grade = Score(
            "square_tests",
            Report("square_tests", WorkerCellStatus.RuntimeError, "Square(3): expected 9, found 4."));
        Assert.Equal(
            (0.0, GradeStatus.Failed, "Square(3): expected 9, found 4."),
            (grade.Score, grade.Status, grade.Reason));
    }

    [Fact]
    public void ATestCellThatNeverRan_EarnsNothing_WithAReason()
    {
        var grade = Score("square_tests");
        Assert.Equal((0.0, "The test cell did not run."), (grade.Score, grade.Reason));
    }

    [Theory]
    [InlineData(1.0, 1.0, "partial")]
    [InlineData(0.0, 0.0, "failed")]
    [InlineData(-3.0, 0.0, "failed")]
    [InlineData(7.0, 2.0, "passed")]
    [InlineData(2.0, 2.0, "passed")]
    public void ATestCellReturningANumber_ThatNumberIsTheScore_ClampedToItsPoints(
        double returned,
        double score,
        string status)
    {
        var grade = Score("partial_tests", Report("partial_tests", WorkerCellStatus.Succeeded, returned: returned));
        Assert.Equal((score, status), (grade.Score, grade.Status.WireName()));
        Assert.True(status == "passed" || grade.Reason is { Length: > 0 }, "every lost point carries a reason");
    }

    [Fact]
    public void AManualAnswerLeftAsReleased_IsNoResponse_WorthNothing()
    {
        var grade = Score("why_answer");
        Assert.Equal((0.0, GradeStatus.NoResponse, "No response."), (grade.Score, grade.Status, grade.Reason));
    }

    [Fact]
    public void AManualAnswerWritten_WaitsForAPerson()
    {
        var notebook = Tiny.Released.Clone();
        notebook.Cells[IndexOf("why_answer")].Source = "They multiply.";
        var grade = Scorer.Score(Tiny, notebook, new Dictionary<int, WorkerCellReport>(), [])
            .Single(g => g.GradeId == "why_answer");
        Assert.Equal((GradeStatus.NeedsManualGrade, (double?)null), (grade.Status, grade.AutoScore));
    }

    [Fact]
    public void ATamperNoteNamingACell_IsAttachedToThatCellOnly()
    {
        var note = new GradingNote(NoteKind.Tamper, "square_tests", "the locked cell 'square_tests' was modified; " +
                                                                    "the original was restored before grading");
        var grades = Scorer.Score(Tiny, Tiny.Released.Clone(), new Dictionary<int, WorkerCellReport>(), [note]);
        Assert.Equal([note.Text], grades.Single(g => g.GradeId == "square_tests").TamperNotes);
        Assert.Empty(grades.Single(g => g.GradeId == "partial_tests").TamperNotes);
    }
}
