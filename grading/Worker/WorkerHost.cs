using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grading.Execution;
using NotebookEngine;

namespace Grading.Worker;

/// <summary>
/// The worker side of isolation: runs inside its own process (and sandbox), reads cells from stdin, executes them
/// in one engine session and writes one event per step to the real stdout. Everything it reports is checked by
/// the grader; nothing here decides a score.
/// </summary>
internal static class WorkerHost
{
    /// <summary>Runs until the grader sends "end" or closes stdin; returns the process exit code.</summary>
    public static async Task<int> RunAsync(TextReader input, Stream realStdout)
    {
        // Keep our own handle on fd 1 before the engine redirects Console.Out to capture student prints.
        await using var events = new StreamWriter(realStdout, new UTF8Encoding(false)) { AutoFlush = true };
        var header = ReadMessage(input);
        if (header?["nonce"]?.GetValue<string>() is not { } nonce)
        {
            await Console.Error.WriteLineAsync("worker: the first line must be a header with a nonce.");
            return 2;
        }

        var options = new SessionOptions
        {
            WorkingDirectory = Environment.CurrentDirectory,
            CellTimeout = TimeSpan.FromSeconds(header["cellTimeoutSeconds"]!.GetValue<double>()),
            OutputLimitBytes = header["outputLimitBytes"]!.GetValue<int>(),
        };
        await using var session = await NotebookSession.StartAsync(options);
        await Emit(events, nonce, new JsonObject { ["event"] = WorkerMessages.Ready });

        while (ReadMessage(input) is { } message && message["end"] is null)
        {
            var index = message["cell"]!.GetValue<int>();
            var secret = message["secret"]!.GetValue<string>();
            await Emit(events, nonce, new JsonObject { ["event"] = WorkerMessages.Started, ["cell"] = index, ["secret"] = secret });
            var result = await session.ExecuteAsync(message["source"]!.GetValue<string>());
            var finished = Describe(index, result);
            finished["secret"] = secret;
            await Emit(events, nonce, finished);
        }

        return 0;
    }

    private static JsonObject Describe(int index, CellResult result) => new()
    {
        ["event"] = WorkerMessages.Finished,
        ["cell"] = index,
        ["status"] = result.Status.ToString(),
        ["elapsedMs"] = result.Elapsed.TotalMilliseconds,
        ["failure"] = result.Failure is null ? null : FailureReasons.For(result),
        ["numeric"] = result.NumericReturnValue,
        ["outputs"] = CellOutputJson.ToJson(result.Outputs),
    };

    private static JsonObject? ReadMessage(TextReader input) =>
        input.ReadLine() is { } line ? JsonNode.Parse(line)?.AsObject() : null;

    private static Task Emit(StreamWriter events, string nonce, JsonObject payload)
    {
        payload["nonce"] = nonce;
        // The leading newline ends any partial line a stray write left on fd 1, so the event starts a line of its own.
        return events.WriteLineAsync("\n" + payload.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }
}
