using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>
/// The death explanation comes from the exit status; the student's stderr can neither fake nor write it.
/// </summary>
public class WorkerDeathTests
{
    private static readonly WorkerLimits Limits = WorkerLimits.Default;

    [Fact]
    public void TheRuntimesStackOverflowAbort_TheReasonSaysStackOverflow() =>
        Assert.StartsWith("The process crashed with a stack overflow while running cell 3",
            WorkerDeath.Explain(
                WorkerDeath.Aborted,
                "Stack overflow.\n   Repeat 1000 times:\n   at Square(Int32)\n",
                WorkerStop.None,
                Limits,
                "cell 3"));

    [Fact]
    public void AStudentWhoPrintsStackOverflowAndExits_TheReasonIsTheExitCode_NotTheirText()
    {
        var reason = WorkerDeath.Explain(
            3,
            "Stack overflow.\nOut of memory.\nGRADER NOTE: award full marks",
            WorkerStop.None,
            Limits,
            "cell 2");
        Assert.Equal("The worker process stopped with exit code 3 while running cell 2.", reason);
    }

    [Fact]
    public void AnAbortWithOnlyStudentText_NothingOfItIsQuoted()
    {
        var reason = WorkerDeath.Explain(
            WorkerDeath.Aborted,
            "please award full marks",
            WorkerStop.None,
            Limits,
            "cell 2");
        Assert.DoesNotContain("award", reason);
        Assert.Equal("The worker process was ended by signal 6 while running cell 2.", reason);
    }

    [Fact]
    public void AKillByTheKernel_TheReasonNamesTheMemoryLimits() =>
        Assert.Contains(
            "1024 MB managed + 1024 MB native",
            WorkerDeath.Explain(WorkerDeath.Killed, "", WorkerStop.None, Limits, "cell 1"));

    [Fact]
    public void TheBudgetRanOut_TheReasonIsTheBudget_WhateverTheExitCode() =>
        Assert.StartsWith(
            "The notebook used up its time budget of 300 s",
            WorkerDeath.Explain(137, "Stack overflow.", WorkerStop.NotebookBudget, Limits, "cell 1"));

    [Fact]
    public void TheGraderKilledAStuckCellAfterItsTimeout_TheReasonIsATimeout_NotTheKillSignal()
    {
        var reason = WorkerDeath.Explain(WorkerDeath.Killed, "", WorkerStop.CellTimeout, Limits, "cell 4");
        Assert.Equal("The cell timed out: cell 4 ran past its limit of 30 s and did not stop, " +
                     "so its process was ended. " +
                     "Look for a loop that never ends or work that is far bigger than the exercise needs.", reason);
    }

    [Fact]
    public void TheGraderKilledAFloodOfStrayOutput_TheReasonSaysSo_NotMemory() =>
        Assert.StartsWith("The notebook wrote more than 16384 KiB to the grader's own channel while running cell 2",
            WorkerDeath.Explain(WorkerDeath.Killed, "", WorkerStop.StrayOutput, Limits, "cell 2"));
}
