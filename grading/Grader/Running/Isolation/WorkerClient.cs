using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Grading.Running.Worker;
using NotebookEngine;

namespace Grading.Running.Isolation;

/// <summary>
/// Runs a list of cells in a fresh worker process and collects a report for every one of them, whatever the
/// student's code does: loops, exits, crashes, floods or forged output only ever cost that notebook's own cells.
/// One client runs one notebook: it remembers why it stopped that notebook's worker.
/// </summary>
internal sealed class WorkerClient(WorkerLimits limits, bool sandboxed)
{
    private static readonly TimeSpan EngineGrace = TimeSpan.FromSeconds(15);

    // Set by whichever side kills the worker, read when explaining its death: a kill by us looks like any SIGKILL.
    private WorkerStop stoppedBy;
    private int used;

    /// <summary>Executes <paramref name="cells"/> (index, source) in order inside a worker rooted at
    /// <paramref name="scratch"/>, which runs them as <paramref name="compiled"/> gives them, or compiles them itself
    /// when that is null.</summary>
    public async Task<WorkerRun> RunAsync(WorkerScratch scratch, IReadOnlyList<(int Index, string Source)> cells,
        CancellationToken cancellationToken, CompiledCells? compiled = null)
    {
        if (Interlocked.Exchange(ref used, 1) != 0)
        {
            throw new InvalidOperationException("A WorkerClient runs one notebook; create a new one for the next.");
        }

        var clock = Stopwatch.StartNew();
        var nonce = NewSecret();
        using var process = WorkerLauncher.Start(scratch, sandboxed, limits);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(limits.NotebookBudget);
        var stderrTail = ReadTailAsync(process.StandardError);
        var events = Channel.CreateUnbounded<WorkerEvent>();
        var pump = PumpEventsAsync(process, nonce, events.Writer);
        var reports = new List<WorkerCellReport>();
        string? death = null;
        var startUp = TimeSpan.Zero;

        try
        {
            await SendAsync(
                process,
                new WorkerHeader(
                    nonce,
                    limits.CellTimeout.TotalSeconds,
                    limits.OutputLimitBytes,
                    compiled?.KernelHelpers),
                budget.Token);
            if (await NextAsync<WorkerReady>(events.Reader, _ => true, budget.Token) is null)
            {
                death = await DescribeDeathAsync(process, stderrTail, pump, budget, "starting the notebook session");
            }

            startUp = clock.Elapsed;
            foreach (var (index, source) in cells)
            {
                if (death is not null)
                {
                    reports.Add(WorkerCellReport.Failed(index, WorkerCellStatus.NotRun, $"Not run: {death}"));
                    continue;
                }

                var report = await RunCellAsync(process, events.Reader, index, source, compiled, budget)
                    ?? Died(index,
                        death = await DescribeDeathAsync(process, stderrTail, pump, budget, $"cell {index}"));
                compiled?.Ran(index, report.Status);
                reports.Add(report);
            }

            if (death is null)
            {
                await SendAsync(process, new EndRequest(), budget.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The worker closed its stdin (it died) or the budget ran out while writing: the cells above say why.
            death ??= await DescribeDeathAsync(process, stderrTail, pump, budget, "talking to the worker");
            FillMissing(reports, cells, death);
        }
        finally
        {
            Stop(process);
        }

        return new WorkerRun(reports, startUp, clock.Elapsed, death, sandboxed ? "bubblewrap" : "process only");
    }

    private async Task<WorkerCellReport?> RunCellAsync(Process process, ChannelReader<WorkerEvent> events, int index,
        string source, CompiledCells? compiled, CancellationTokenSource budget)
    {
        // Compiled (or emitted) before the cell's clock starts: the grader's time, not the student's.
        var code = compiled?.For(index, source);
        using var cellDeadline = CancellationTokenSource.CreateLinkedTokenSource(budget.Token);
        cellDeadline.CancelAfter(limits.CellTimeout + EngineGrace);
        // A secret for this cell only: it is not in the worker's memory before the cell is sent, so code in an earlier
        // cell cannot forge this cell's result, and a result is taken only after this cell's start event, once.
        var secret = NewSecret();
        try
        {
            await SendAsync(process, new CellRequest(index, source, secret, code), cellDeadline.Token);
            if (await NextAsync<CellStarted>(events, e => e.Cell == index && e.Secret == secret, cellDeadline.Token)
                    is null
                || await NextAsync<CellFinished>(events, e => e.Cell == index && e.Secret == secret, cellDeadline.Token)
                    is not { } result)
            {
                return null;
            }

            return WorkerReportReader.Read(result, limits.OutputLimitBytes * 4L + 4096);
        }
        catch (OperationCanceledException) when (!budget.IsCancellationRequested)
        {
            // The engine's own per-cell timeout did not fire in time: the worker is stuck, so it goes.
            Stop(process, WorkerStop.CellTimeout);
            return null;
        }
    }

    private static string NewSecret() =>
        Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    // A cell the grader had to stop after its timeout is a timeout, whatever exit status the kill left.
    private WorkerCellReport Died(int index, string death) => WorkerCellReport.Failed(index,
        stoppedBy == WorkerStop.CellTimeout ? WorkerCellStatus.TimedOut : WorkerCellStatus.Crashed, death);

    private static void FillMissing(
        List<WorkerCellReport> reports,
        IReadOnlyList<(int Index, string Source)> cells,
        string death)
    {
        foreach (var (index, _) in cells.Skip(reports.Count))
        {
            reports.Add(WorkerCellReport.Failed(index, WorkerCellStatus.NotRun, $"Not run: {death}"));
        }
    }

    /// <summary>
    /// The next event of type <typeparamref name="T"/> that <paramref name="matches"/> (the cell in flight, its
    /// secret); any other event (a stale or forged one, for another cell) is skipped. Null when the worker's stdout
    /// ended.
    /// </summary>
    private static async Task<T?> NextAsync<T>(ChannelReader<WorkerEvent> events, Func<T, bool> matches,
        CancellationToken cancellationToken) where T : WorkerEvent
    {
        while (await events.WaitToReadAsync(cancellationToken))
        {
            if (await events.ReadAsync(cancellationToken) is T message && matches(message))
            {
                return message;
            }
        }

        return null;
    }

    private async Task PumpEventsAsync(Process process, string nonce, ChannelWriter<WorkerEvent> events)
    {
        var reader = new BoundedLineReader(
            process.StandardOutput,
            maxLineChars: limits.OutputLimitBytes * 8 + (1 << 20));
        try
        {
            while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
            {
                if (WorkerProtocol.ReadEvent(line, nonce) is { } message)
                {
                    events.TryWrite(message);
                }
                else if (reader.DroppedChars > limits.StrayOutputLimitBytes)
                {
                    Stop(process, WorkerStop.StrayOutput);
                    break;
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke because the worker was killed: the end of the stream, as far as we care.
        }
        finally
        {
            events.TryComplete();
        }
    }

    private async Task<string> DescribeDeathAsync(Process process, Task<string> stderrTail, Task pump,
        CancellationTokenSource budget, string during)
    {
        Stop(process, budget.IsCancellationRequested ? WorkerStop.NotebookBudget : WorkerStop.None);
        await process.WaitForExitAsync(CancellationToken.None);
        await pump;
        var stderr = await stderrTail;
        return WorkerDeath.Explain(process.ExitCode, stderr, stoppedBy, limits, during);
    }

    private static async Task<string> ReadTailAsync(StreamReader reader)
    {
        // Keep only the end: the runtime's last words (stack overflow, out of memory) are what explain a death.
        var tail = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > 16_384)
            {
                tail.Remove(0, tail.Length - 8192);
            }
        }

        return tail.ToString();
    }

    private static async Task SendAsync(Process process, WorkerRequest request, CancellationToken cancellationToken)
    {
        await process.StandardInput.WriteLineAsync(WorkerProtocol.Write(request).AsMemory(), cancellationToken);
        await process.StandardInput.FlushAsync(cancellationToken);
    }

    /// <summary>Kills the worker if it still runs, remembering the first reason the grader had to.</summary>
    private void Stop(Process process, WorkerStop reason = WorkerStop.None)
    {
        // The pump and the cell loop may both stop the worker; the first reason given is the one that explains it.
        Interlocked.CompareExchange(ref stoppedBy, reason, WorkerStop.None);
        try
        {
            if (!process.HasExited)
            {
                // A sandboxed worker is bubblewrap in its own PID namespace, started with --die-with-parent: killing it
                // takes every process inside with it. Only an unsandboxed worker needs the walk of the whole process
                // table that finding its descendants costs (measured: ~35 ms of grader CPU per notebook, half of all it
                // spent while a worker ran).
                process.Kill(entireProcessTree: !sandboxed);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
