using System.Text.Json.Nodes;

namespace Grading.Running.Isolation;

/// <summary>What a worker reported for one cell, or what the grader concluded when the worker could not
/// report.</summary>
/// <param name="Index">The cell's index in the notebook.</param>
/// <param name="Status">How the cell ended, as the worker reported it or the grader concluded.</param>
/// <param name="Failure">Why the cell failed, in words a student can act on; null when it succeeded.</param>
/// <param name="NumericReturnValue">The cell's trailing numeric value (partial credit), if any.</param>
/// <param name="Outputs">nbformat output objects, in order.</param>
/// <param name="Elapsed">Execution time as the worker measured it.</param>
internal sealed record WorkerCellReport(int Index, WorkerCellStatus Status, string? Failure, double? NumericReturnValue,
    JsonArray Outputs, TimeSpan Elapsed)
{
    /// <summary>True when the cell ran to the end without an error.</summary>
    public bool Succeeded => Status == WorkerCellStatus.Succeeded;

    /// <summary>A failed cell with one error output carrying <paramref name="reason"/>.</summary>
    public static WorkerCellReport Failed(int index, WorkerCellStatus status, string reason) => new(
        index,
        status,
        reason,
        null,
        new JsonArray(new JsonObject
        {
            ["ename"] = "Error",
            ["evalue"] = reason,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(reason),
        }),
        TimeSpan.Zero);
}
