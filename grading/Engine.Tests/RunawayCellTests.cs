using NotebookEngine;
using TestSupport;

namespace Engine.Tests;

/// <summary>
/// Cells run on thread-pool threads; a cell given up on keeps its thread, so the session hands the pool another one at
/// once and later cells still run.
/// </summary>
public sealed class RunawayCellTests
{
    [Fact]
    public async Task CellsGivenUpOn_EachAddAPoolThread_AndLaterCellsStillRun()
    {
        // More stuck cells than cores: without threads added, later cells would wait for the pool's starvation logic.
        using var gate = new Gate();
        var options = new SessionOptions { WorkingDirectory = Path.GetTempPath() };
        await using var session = await NotebookSession.StartAsync(options);
        ThreadPool.GetMinThreads(out var before, out _);
        var stuck = new List<CellResult>();
        for (var i = 0; i < Environment.ProcessorCount + 2; i++)
        {
            using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            stuck.Add(await session.ExecuteAsync(gate.SpinCode, interrupt.Token));
        }

        var after = await session.ExecuteAsync("6 * 7");
        ThreadPool.GetMinThreads(out var now, out _);
        gate.Open();

        Assert.All(stuck, cell => Assert.Equal(CellStatus.TimedOut, cell.Status));
        Assert.Equal(CellStatus.Succeeded, after.Status);
        Assert.Equal(42, after.ReturnValue);
        Assert.True(now >= before + stuck.Count, $"min worker threads went from {before} to {now}");
    }
}
