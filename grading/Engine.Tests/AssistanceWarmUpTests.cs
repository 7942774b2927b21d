using System.Diagnostics;
using NotebookEngine;
using Xunit.Abstractions;

namespace Engine.Tests;

/// <summary>
/// The first assistance call pays Roslyn's binder start-up; WarmUpAsync pays it before a user waits. Timings are printed
/// (run one test alone to see a cold process), never asserted: the machine is shared.
/// </summary>
public class AssistanceWarmUpTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GivenAFreshSession_WhenTheFirstCallsArrive_ThenTheyAnswer_AndTheirTimesArePrinted()
    {
        await using var session = await NotebookSession.StartAsync(new SessionOptions { WorkingDirectory = Path.GetTempPath() });
        var clock = Stopwatch.StartNew();
        var first = await session.Assistant.CompleteAsync("Console.Wri", 11);
        var firstTime = clock.Elapsed;
        clock.Restart();
        var second = await session.Assistant.CompleteAsync("Math.Sq", 7);
        var secondTime = clock.Elapsed;
        clock.Restart();
        var inspection = await session.Assistant.InspectAsync("Console.WriteLine", 17);
        var inspectTime = clock.Elapsed;
        output.WriteLine($"cold: first complete {firstTime.TotalMilliseconds:0} ms, second complete {secondTime.TotalMilliseconds:0} ms, first inspect {inspectTime.TotalMilliseconds:0} ms");
        Assert.Equal(["Write", "WriteLine"], first.Matches);
        Assert.Equal(["Sqrt"], second.Matches);
        Assert.NotNull(inspection);
    }

    [Fact]
    public async Task GivenAWarmedUpSession_WhenTheFirstCallsArrive_ThenTheyAnswer_AndTheirTimesArePrinted()
    {
        await using var session = await NotebookSession.StartAsync(new SessionOptions { WorkingDirectory = Path.GetTempPath() });
        var clock = Stopwatch.StartNew();
        await session.Assistant.WarmUpAsync();
        var warmUpTime = clock.Elapsed;
        clock.Restart();
        var completeness = CodeAssistant.Classify("for (var i = 0; i < 3; i++)\n{");
        var classifyTime = clock.Elapsed;
        clock.Restart();
        var first = await session.Assistant.CompleteAsync("Math.Sq", 7);
        var completeTime = clock.Elapsed;
        clock.Restart();
        var inspection = await session.Assistant.InspectAsync("Math.Sqrt", 9);
        var inspectTime = clock.Elapsed;
        output.WriteLine($"warm-up {warmUpTime.TotalMilliseconds:0} ms, then classify {classifyTime.TotalMilliseconds:0} ms, " +
                         $"complete {completeTime.TotalMilliseconds:0} ms, inspect {inspectTime.TotalMilliseconds:0} ms");
        Assert.Equal(SubmissionCompleteness.Incomplete, completeness);
        Assert.Equal(["Sqrt"], first.Matches);
        Assert.NotNull(inspection);
    }
}
