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
        // It is interrupted once its own output shows it runs, not after a fixed time: the cell's limit covers its
        // compile too, and a slow compile interrupted before the cell ran would leave the thread rightly in use.
        using var gate = new Gate();
        var options = new SessionOptions { WorkingDirectory = Path.GetTempPath() };
        await using var session = await NotebookSession.StartAsync(options);
        var first = await session.ExecuteAsync(ThreadId);
        var second = await session.ExecuteAsync(ThreadId);
        using var interrupt = new CancellationTokenSource();
        var stuck = await session.ExecuteAsync(
            "Console.Write(\"waiting\"); " + gate.WaitCode,
            new InterruptWhenRunning(interrupt),
            interrupt.Token);
        var after = await session.ExecuteAsync(ThreadId);
        gate.Open();
        Assert.Equal(CellStatus.TimedOut, stuck.Status);
        Assert.IsType<int>(first.ReturnValue);
        Assert.Equal(first.ReturnValue, second.ReturnValue);
        Assert.NotEqual(first.ReturnValue, after.ReturnValue);
    }

    /// <summary>Interrupts the cell at its first output, from another thread (not inside the cell's write).</summary>
    private sealed class InterruptWhenRunning(CancellationTokenSource interrupt) : ICellOutputListener
    {
        public void OnStream(string name, string text) => _ = Task.Run(interrupt.Cancel);

        public void OnDisplay(DisplayDataOutput display)
        {
        }

        public void OnUpdate(DisplayDataOutput display)
        {
        }

        public void OnResult(IReadOnlyDictionary<string, string> data, object? value)
        {
        }
    }
}
