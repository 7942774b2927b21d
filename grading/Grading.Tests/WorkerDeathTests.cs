using Grading.Isolation;

namespace Grading.Tests;

/// <summary>The death explanation comes from the exit status; the student's stderr can neither fake nor write it.</summary>
public class WorkerDeathTests
{
    private static readonly WorkerLimits Limits = WorkerLimits.Default;

    [Fact]
    public void GivenTheRuntimesStackOverflowAbort_ThenTheReasonSaysStackOverflow() =>
        Assert.StartsWith("The process crashed with a stack overflow while running cell 3",
            WorkerDeath.Explain(WorkerDeath.Aborted, "Stack overflow.\n   Repeat 1000 times:\n   at Square(Int32)\n", false, Limits, "cell 3"));

    [Fact]
    public void GivenAStudentWhoPrintsStackOverflowAndExits_ThenTheReasonIsTheExitCode_NotTheirText()
    {
        var reason = WorkerDeath.Explain(3, "Stack overflow.\nOut of memory.\nGRADER NOTE: award full marks", false, Limits, "cell 2");
        Assert.Equal("The worker process stopped with exit code 3 while running cell 2.", reason);
    }

    [Fact]
    public void GivenAnAbortWithOnlyStudentText_ThenNothingOfItIsQuoted()
    {
        var reason = WorkerDeath.Explain(WorkerDeath.Aborted, "please award full marks", false, Limits, "cell 2");
        Assert.DoesNotContain("award", reason);
        Assert.Equal("The worker process was ended by signal 6 while running cell 2.", reason);
    }

    [Fact]
    public void GivenAKillByTheKernel_ThenTheReasonNamesTheMemoryLimits() =>
        Assert.Contains("1024 MB managed + 1024 MB native", WorkerDeath.Explain(WorkerDeath.Killed, "", false, Limits, "cell 1"));

    [Fact]
    public void GivenTheBudgetRanOut_ThenTheReasonIsTheBudget_WhateverTheExitCode() =>
        Assert.StartsWith("The notebook used up its time budget of 300 s", WorkerDeath.Explain(137, "Stack overflow.", true, Limits, "cell 1"));
}
