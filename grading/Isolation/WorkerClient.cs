using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Grading.Worker;

namespace Grading.Isolation;

/// <summary>
/// Runs a list of cells in a fresh worker process and collects a report for every one of them, whatever the
/// student's code does: loops, exits, crashes, floods or forged output only ever cost that notebook's own cells.
/// </summary>
internal sealed class WorkerClient(WorkerLimits limits, bool sandboxed)
{
    private static readonly TimeSpan EngineGrace = TimeSpan.FromSeconds(15);

    /// <summary>Executes <paramref name="cells"/> (index, source) in order inside a worker rooted at <paramref name="scratch"/>.</summary>
    public async Task<WorkerRun> RunAsync(WorkerScratch scratch, IReadOnlyList<(int Index, string Source)> cells,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var nonce = NewSecret();
        using var process = WorkerLauncher.Start(scratch, sandboxed, limits);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(limits.NotebookBudget);
        var stderrTail = ReadTailAsync(process.StandardError);
        var events = Channel.CreateUnbounded<JsonObject>();
        var pump = PumpEventsAsync(process, nonce, events.Writer);
        var reports = new List<WorkerCellReport>();
        string? death = null;
        var startUp = TimeSpan.Zero;

        try
        {
            await SendAsync(process, WorkerMessages.Header(nonce, limits.CellTimeout, limits.OutputLimitBytes), budget.Token);
            if (await NextAsync(events.Reader, WorkerMessages.Ready, null, null, budget.Token) is null)
            {
                death = await DescribeDeathAsync(process, stderrTail, pump, budget, "starting the notebook session");
            }

            startUp = clock.Elapsed;
            foreach (var (index, source) in cells)
            {
                if (death is not null)
                {
                    reports.Add(WorkerCellReport.Failed(index, WorkerCellReport.NotRun, $"Not run: {death}"));
                    continue;
                }

                reports.Add(await RunCellAsync(process, events.Reader, index, source, budget) ?? Crash(index,
                    death = await DescribeDeathAsync(process, stderrTail, pump, budget, $"cell {index}")));
            }

            if (death is null)
            {
                await SendAsync(process, WorkerMessages.End(), budget.Token);
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

    private async Task<WorkerCellReport?> RunCellAsync(Process process, ChannelReader<JsonObject> events, int index,
        string source, CancellationTokenSource budget)
    {
        using var cellDeadline = CancellationTokenSource.CreateLinkedTokenSource(budget.Token);
        cellDeadline.CancelAfter(limits.CellTimeout + EngineGrace);
        // A secret for this cell only: it is not in the worker's memory before the cell is sent, so code in an earlier
        // cell cannot forge this cell's result, and a result is taken only after this cell's start event, once.
        var secret = NewSecret();
        try
        {
            await SendAsync(process, WorkerMessages.Cell(index, source, secret), cellDeadline.Token);
            if (await NextAsync(events, WorkerMessages.Started, index, secret, cellDeadline.Token) is null ||
                await NextAsync(events, WorkerMessages.Finished, index, secret, cellDeadline.Token) is not { } result)
            {
                return null;
            }

            return WorkerReportReader.Read(index, result, limits.OutputLimitBytes * 4L + 4096);
        }
        catch (OperationCanceledException) when (!budget.IsCancellationRequested)
        {
            // The engine's own per-cell timeout did not fire in time: the worker is stuck, so it goes.
            Stop(process);
            return null;
        }
    }

    private static string NewSecret() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private static WorkerCellReport Crash(int index, string death) =>
        WorkerCellReport.Failed(index, WorkerCellReport.Crashed, death);

    private static void FillMissing(List<WorkerCellReport> reports, IReadOnlyList<(int Index, string Source)> cells, string death)
    {
        foreach (var (index, _) in cells.Skip(reports.Count))
        {
            reports.Add(WorkerCellReport.Failed(index, WorkerCellReport.NotRun, $"Not run: {death}"));
        }
    }

    /// <summary>
    /// The next event of <paramref name="kind"/> for <paramref name="cell"/> carrying <paramref name="secret"/>; any other
    /// event (a stale or forged one, for another cell, of the wrong shape) is skipped.
    /// </summary>
    private static async Task<JsonObject?> NextAsync(ChannelReader<JsonObject> events, string kind, int? cell, string? secret,
        CancellationToken cancellationToken)
    {
        while (await events.WaitToReadAsync(cancellationToken))
        {
            var message = await events.ReadAsync(cancellationToken);
            if (Field<string>(message, "event") == kind && (cell is null || Field<int>(message, "cell") == cell) &&
                (secret is null || Field<string>(message, "secret") == secret))
            {
                return message;
            }
        }

        return null;
    }

    private static T? Field<T>(JsonObject message, string name) =>
        message[name] is JsonValue value && value.TryGetValue<T>(out var field) ? field : default;

    private async Task PumpEventsAsync(Process process, string nonce, ChannelWriter<JsonObject> events)
    {
        var reader = new BoundedLineReader(process.StandardOutput, maxLineChars: limits.OutputLimitBytes * 8 + (1 << 20));
        try
        {
            while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
            {
                if (TryParseEvent(line, nonce) is { } message)
                {
                    events.TryWrite(message);
                }
                else if (reader.DroppedChars > limits.StrayOutputLimitBytes)
                {
                    Stop(process);
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

    private static JsonObject? TryParseEvent(string line, string nonce)
    {
        if (!line.StartsWith('{') || !line.Contains(nonce, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(line) is JsonObject message && Field<string>(message, "nonce") == nonce ? message : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<string> DescribeDeathAsync(Process process, Task<string> stderrTail, Task pump,
        CancellationTokenSource budget, string during)
    {
        var outOfTime = budget.IsCancellationRequested;
        Stop(process);
        await process.WaitForExitAsync(CancellationToken.None);
        await pump;
        var stderr = await stderrTail;
        var exitCode = process.ExitCode;
        return WorkerDeath.Explain(exitCode, stderr, outOfTime, limits, during);
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

    private static async Task SendAsync(Process process, JsonObject message, CancellationToken cancellationToken)
    {
        await process.StandardInput.WriteLineAsync(message.ToJsonString().AsMemory(), cancellationToken);
        await process.StandardInput.FlushAsync(cancellationToken);
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
