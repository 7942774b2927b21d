using System.Text.Json.Nodes;

namespace Grading.Worker;

/// <summary>
/// The line protocol between the grader and a worker, one JSON object per line. The grader sends a header with a
/// secret nonce, then one cell at a time with a fresh secret of its own, so a later cell (a hidden test) and its secret
/// are not in the worker's memory while student code runs. The worker answers with events that carry the nonce, and
/// the cell's secret for that cell's start and result; lines without them are student output that escaped the engine's
/// capture (or a forgery), and are ignored.
/// </summary>
internal static class WorkerMessages
{
    /// <summary>The worker started its session and waits for cells.</summary>
    public const string Ready = "ready";

    /// <summary>The worker is about to run a cell: if it dies now, this cell is the one that killed it.</summary>
    public const string Started = "start";

    /// <summary>A cell finished (succeeded or failed) with its outputs.</summary>
    public const string Finished = "result";

    /// <summary>The header the grader sends first.</summary>
    public static JsonObject Header(string nonce, TimeSpan cellTimeout, int outputLimitBytes) => new()
    {
        ["nonce"] = nonce,
        ["cellTimeoutSeconds"] = cellTimeout.TotalSeconds,
        ["outputLimitBytes"] = outputLimitBytes,
    };

    /// <summary>One cell to run, with the secret its start and result events must carry.</summary>
    public static JsonObject Cell(int index, string source, string secret) =>
        new() { ["cell"] = index, ["source"] = source, ["secret"] = secret };

    /// <summary>No more cells: the worker exits.</summary>
    public static JsonObject End() => new() { ["end"] = true };
}
