using System.Diagnostics;
using NotebookEngine;
using Xunit.Abstractions;

namespace Engine.Tests;

/// <summary>
/// The first assistance calls pay Roslyn's binder start-up and the indexing of documentation files; WarmUpAsync pays
/// them before a user waits. Timings are printed (run one test alone to see a cold process), never asserted: the
/// machine is shared.
/// </summary>
public class AssistanceWarmUpTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AFreshSession_WhenTheFirstCallsArrive_TheyAnswer_AndTheirTimesArePrinted()
    {
        await using var session = await NotebookSession.StartAsync(
            new SessionOptions { WorkingDirectory = Path.GetTempPath() });
        var (completeness, classify) = await TimeAsync(
            () => Task.FromResult(CodeAssistant.Classify("for (var i = 0; i < 3; i++)\n{")));
        var (first, firstComplete) = await TimeAsync(() => session.Assistant.CompleteAsync("Console.Wri", 11));
        var (second, secondComplete) = await TimeAsync(() => session.Assistant.CompleteAsync("Math.Sq", 7));
        var (inspection, firstInspect) = await TimeAsync(() => session.Assistant.InspectAsync("Math.Sqrt", 9));
        output.WriteLine($"cold: classify {classify}, first complete {firstComplete}, " +
                         $"second complete {secondComplete}, first inspect (System.Runtime.xml) {firstInspect}");
        Assert.Equal(SubmissionCompleteness.Incomplete, completeness);
        Assert.Equal(["Write", "WriteLine"], first.Matches);
        Assert.Equal(["Sqrt"], second.Matches);
        Assert.Contains("square root", inspection?.PlainText);
    }

    [Fact]
    public async Task AWarmedUpSession_WhenTheFirstCallsArrive_TheyAnswer_AndTheirTimesArePrinted()
    {
        await using var session = await NotebookSession.StartAsync(
            new SessionOptions { WorkingDirectory = Path.GetTempPath() });
        var (_, warmUp) = await TimeAsync(async () => { await session.Assistant.WarmUpAsync(); return 0; });
        var (completeness, classify) = await TimeAsync(
            () => Task.FromResult(CodeAssistant.Classify("for (var i = 0; i < 3; i++)\n{")));
        var (first, complete) = await TimeAsync(() => session.Assistant.CompleteAsync("string.Jo", 9));
        var (inspection, inspect) = await TimeAsync(() => session.Assistant.InspectAsync("Math.Abs", 8));
        var again = new List<double>();
        for (var call = 0; call < 9; call++)
        {
            var clock = Stopwatch.StartNew();
            _ = await session.Assistant.CompleteAsync("string.Jo", 9);
            again.Add(clock.Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"warm-up {warmUp}, then classify {classify}, complete {complete}, inspect {inspect}; " +
                         $"the same completion 9 more times: median {again.Order().ElementAt(4):0} ms");
        Assert.Equal(SubmissionCompleteness.Incomplete, completeness);
        Assert.Equal(["Join"], first.Matches);
        Assert.Contains("absolute value", inspection?.PlainText);
    }

    [Fact]
    public async Task ALongSession_WhenEverythingInScopeIsListed_Answers_AndItsTimeIsPrinted()
    {
        await using var session = await NotebookSession.StartAsync(
            new SessionOptions { WorkingDirectory = Path.GetTempPath() });
        for (var cell = 0; cell < 30; cell++)
        {
            Assert.Equal(CellStatus.Succeeded, (await session.ExecuteAsync($"var value{cell} = {cell};")).Status);
        }

        await session.Assistant.WarmUpAsync();
        var (everything, time) = await TimeAsync(() => session.Assistant.CompleteAsync("", 0));
        output.WriteLine($"after 30 cells: {everything.Matches.Count} names in scope listed in {time}");
        Assert.Contains("value0", everything.Matches);
        Assert.Contains("value29", everything.Matches);
    }

    private static async Task<(T Result, string Milliseconds)> TimeAsync<T>(Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        var result = await work();
        return (result, $"{clock.Elapsed.TotalMilliseconds:0} ms");
    }
}
