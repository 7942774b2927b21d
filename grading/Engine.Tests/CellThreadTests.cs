using NotebookEngine;
using TestSupport;

namespace Engine.Tests;

/// <summary>Cells run on one kept thread (no thread start and wake-ups per cell) until a cell is given up on.</summary>
public sealed class CellThreadTests
{
    private const string ThreadId = "System.Environment.CurrentManagedThreadId";

    [Fact]
    public async Task CellsThatFinish_ShareOneThread_AndAfterAGivenUpCellTheNextRunsOnAFreshOne()
    {
        // The waiting cell is released only after the next cell ran: that cell cannot have had the old thread back.
        using var gate = new Gate();
        var options = new SessionOptions { WorkingDirectory = Path.GetTempPath() };
        await using var session = await NotebookSession.StartAsync(options);
        var first = await session.ExecuteAsync(ThreadId);
        var second = await session.ExecuteAsync(ThreadId);
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stuck = await session.ExecuteAsync(gate.WaitCode, interrupt.Token);
        var after = await session.ExecuteAsync(ThreadId);
        gate.Open();
        Assert.Equal(CellStatus.TimedOut, stuck.Status);
        Assert.IsType<int>(first.ReturnValue);
        Assert.Equal(first.ReturnValue, second.ReturnValue);
        Assert.NotEqual(first.ReturnValue, after.ReturnValue);
    }
}
