using Grading.Running.Worker;
using NotebookEngine;

namespace Grading.Running.Isolation;

/// <summary>
/// Turns a worker's result event into a <see cref="WorkerCellReport"/> without trusting its values: the protocol's
/// serializer has already checked the shape, so this checks what types cannot say (a status the engine has, a finite
/// time, bounded text, nbformat outputs). A bad value fails the cell with a reason instead of crashing the
/// grader or anything that renders the result later.
/// </summary>
internal static class WorkerReportReader
{
    /// <summary>The longest failure text kept from a worker.</summary>
    public const int MaxFailureChars = 4000;

    /// <summary>The failure of a cell whose result event carried values no honest worker sends.</summary>
    public const string Malformed =
        "The worker's report for this cell was malformed, so the cell counts as failed. " +
        "Re-run with --force; if it persists, report it with this notebook.";

    /// <summary>The report for the cell <paramref name="result"/> answers.</summary>
    public static WorkerCellReport Read(CellFinished result, long maxOutputChars)
    {
        // A NaN or infinite numeric value is a value a cell can end with (0.0 / 0): scoring decides what it earns.
        if (!Enum.IsDefined(result.Status) || !double.IsFinite(result.ElapsedMs) || result.ElapsedMs < 0)
        {
            return WorkerCellReport.Failed(result.Cell, WorkerCellStatus.Crashed, Malformed);
        }

        // WorkerCellStatus gives the engine's statuses the engine's values, and IsDefined was checked above.
        var status = (WorkerCellStatus)result.Status;
        var failure = result.Failure ?? "";
        var reason = result.Status == CellStatus.Succeeded || failure.Length == 0 ? null
            : failure.Length > MaxFailureChars ? failure[..MaxFailureChars] + "…" : failure;
        return new WorkerCellReport(
            result.Cell,
            status,
            reason,
            result.Numeric,
            NbformatOutputs.Clean(result.Outputs, maxOutputChars),
            TimeSpan.FromMilliseconds(result.ElapsedMs));
    }
}
