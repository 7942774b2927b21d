using Grading.Autograde;
using Grading.Exports;
using Grading.Gradebook;
using Grading.Notebooks;
using Grading.Running.Execution;
using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>What of a failed test cell a student may read: visible checks yes, hidden checks' values no.</summary>
public class HiddenCheckDetailTests
{
    private static readonly AssignmentSource Tiny = AssignmentSource.Load(Fixture.TinyNotebook);

    private static string? StudentReason(string reason, WorkerCellStatus status = WorkerCellStatus.RuntimeError) =>
        HiddenCheckDetail.StudentReason(
            Tiny,
            new CellGrade(
                "square_tests",
                CellKind.Tests,
                AutoScore: 0,
                ManualScore: null,
                MaxScore: 2,
                GradeStatus.Failed,
                reason,
                Comment: null,
                TamperNotes: []),
            WorkerCellReport.Failed(3, status, reason));

    [Fact]
    public void AVisibleCheck_IsShownInFull() =>
        Assert.Equal(
            "Square(3): expected 9, found 0. Hint: multiply x by itself",
            StudentReason("Square(3): expected 9, found 0. Hint: multiply x by itself"));

    [Fact]
    public void AHiddenCheck_IsReplacedByTheGeneralSentence() =>
        Assert.Equal(StudentView.HiddenFailure, StudentReason("Square(-4): expected 16, found -16. Hint: a " +
                                                              "negative number squared is positive"));

    [Fact]
    public void AnExceptionFromStudentCodeDuringATest_IsNotShown_ItCouldCarryHiddenInputs() =>
        Assert.Equal(StudentView.HiddenFailure, StudentReason("bad input -4"));

    [Fact]
    public void TheGradersOwnSentences_AreShown()
    {
        Assert.Equal(FailureReasons.Stub, StudentReason(FailureReasons.Stub));
        Assert.Equal(
            "Does not compile: (2,44): error CS0103",
            StudentReason("Does not compile: (2,44): error CS0103", WorkerCellStatus.CompilationError));
        Assert.Equal("Not run: the worker died", StudentReason("Not run: the worker died", WorkerCellStatus.NotRun));
    }
}
