using System.Text;
using Grading.Running.Execution;
using NotebookEngine;

namespace Grading.Running.Worker;

/// <summary>
/// The worker side of isolation: runs inside its own process (and sandbox), reads requests from stdin, executes cells
/// in one engine session and writes one event per step to the real stdout (see <see cref="WorkerProtocol"/>). The
/// grader re-validates every event it takes from here; nothing here decides a score.
/// </summary>
internal static class WorkerHost
{
    /// <summary>Runs until the grader sends an end request or closes stdin; returns the process exit code.</summary>
    public static async Task<int> RunAsync(TextReader input, Stream realStdout)
    {
        // Before anything of the student's can run: from here on the caps bind this process and all it starts.
        var capsValue = Environment.GetEnvironmentVariable(ResourceCaps.EnvironmentVariable);
        var caps = ResourceCaps.Parse(capsValue, out var bad);
        if (caps is null || !caps.TryApply(out bad))
        {
            await Console.Error.WriteLineAsync($"worker: no resource caps, so no cells: {bad}");
            return 2;
        }

        // Keep our own handle on fd 1 before the engine redirects Console.Out to capture student prints.
        await using var events = new StreamWriter(realStdout, new UTF8Encoding(false)) { AutoFlush = true };
        if (await ReadAsync(input) is not WorkerHeader header)
        {
            await Console.Error.WriteLineAsync("worker: the first line must be a header request with a nonce.");
            return 2;
        }

        var options = new SessionOptions
        {
            WorkingDirectory = Environment.CurrentDirectory,
            CellTimeout = TimeSpan.FromSeconds(header.CellTimeoutSeconds),
            OutputLimitBytes = header.OutputLimitBytes,
        };
        await using var session = header.KernelHelpers is { } kernelHelpers
            ? await NotebookSession.StartPrecompiledAsync(options, kernelHelpers)
            : await NotebookSession.StartAsync(options);
        await EmitAsync(events, new WorkerReady(header.Nonce));

        while (await ReadAsync(input) is CellRequest cell)
        {
            await EmitAsync(events, new CellStarted(header.Nonce, cell.Cell, cell.Secret));
            var result = header.KernelHelpers is null
                ? await session.ExecuteAsync(cell.Source)
                : await session.ExecuteAsync(cell.Source, cell.Compiled);
            await EmitAsync(events, new CellFinished(header.Nonce, cell.Cell, cell.Secret, result.Status,
                result.Elapsed.TotalMilliseconds, result.Failure is null ? null : FailureReasons.For(result),
                result.NumericReturnValue, CellOutputJson.ToJson(result.Outputs)));
        }

        return 0;
    }

    /// <summary>The next request, or null at the end of input or on a line that is not a request (the grader's
    /// bug).</summary>
    private static async Task<WorkerRequest?> ReadAsync(TextReader input)
    {
        if (await input.ReadLineAsync() is not { } line)
        {
            return null;
        }

        var request = WorkerProtocol.ReadRequest(line, out var problem);
        if (request is null)
        {
            await Console.Error.WriteLineAsync($"worker: a request did not parse ({problem}): stopping.");
        }

        return request;
    }

    private static Task EmitAsync(StreamWriter events, WorkerEvent message) =>
        // The leading newline ends any partial line a stray write left on fd 1, so the event starts a line of its own.
        events.WriteLineAsync("\n" + WorkerProtocol.Write(message));
}
