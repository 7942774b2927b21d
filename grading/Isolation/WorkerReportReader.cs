using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookEngine;

namespace Grading.Isolation;

/// <summary>
/// Turns a worker's "result" event into a <see cref="WorkerCellReport"/> without trusting its shape: the status must be
/// one the engine has, the failure text and numbers must be what they claim, the outputs must be nbformat. A malformed
/// event fails the cell with a reason instead of crashing the grader or anything that renders the result later.
/// </summary>
internal static class WorkerReportReader
{
    /// <summary>The longest failure text kept from a worker.</summary>
    public const int MaxFailureChars = 4000;

    private static readonly HashSet<string> Statuses = [.. Enum.GetNames<CellStatus>()];

    /// <summary>The report for cell <paramref name="index"/> from <paramref name="result"/>.</summary>
    public static WorkerCellReport Read(int index, JsonObject result, long maxOutputChars)
    {
        var status = String(result["status"]);
        var elapsed = Number(result["elapsedMs"]);
        var numeric = result["numeric"] is null ? null : Number(result["numeric"]);
        var failure = result["failure"] is null ? "" : String(result["failure"]);
        if (status is null || !Statuses.Contains(status) || elapsed is not >= 0 || failure is null ||
            (result["numeric"] is not null && numeric is null))
        {
            return WorkerCellReport.Failed(index, WorkerCellReport.Crashed,
                "The worker's report for this cell was malformed, so the cell counts as failed. Re-run with --force; if it persists, report it with this notebook.");
        }

        var reason = status == nameof(CellStatus.Succeeded) || failure.Length == 0 ? null
            : failure.Length > MaxFailureChars ? failure[..MaxFailureChars] + "…" : failure;
        return new WorkerCellReport(index, status, reason, numeric, NbformatOutputs.Clean(result["outputs"], maxOutputChars),
            TimeSpan.FromMilliseconds(elapsed.Value));
    }

    private static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) && double.IsFinite(number)
            ? number : null;
}
