using System.Text.Json.Nodes;

namespace Grading.Isolation;

/// <summary>What a worker reported for one cell, or what the grader concluded when the worker could not
/// report.</summary>
/// <param name="Index">The cell's index in the notebook.</param>
/// <param name="Status">The engine's status name (Succeeded, CompilationError, RuntimeError, DirectiveError, TimedOut),
/// or "Crashed"/"NotRun".</param>
/// <param name="Failure">Why the cell failed, in words a student can act on; null when it succeeded.</param>
/// <param name="NumericReturnValue">The cell's trailing numeric value (partial credit), if any.</param>
/// <param name="Outputs">nbformat output objects, in order.</param>
/// <param name="Elapsed">Execution time as the worker measured it.</param>
internal sealed record WorkerCellReport(int Index, string Status, string? Failure, double? NumericReturnValue,
    JsonArray Outputs, TimeSpan Elapsed)
{
    /// <summary>Status of a cell during which the worker process died.</summary>
    public const string Crashed = "Crashed";

    /// <summary>Status of a cell the worker never reached.</summary>
    public const string NotRun = "NotRun";

    /// <summary>True when the cell ran to the end without an error.</summary>
    public bool Succeeded => Status == "Succeeded";

    /// <summary>A failed cell with one error output carrying <paramref name="reason"/>.</summary>
    public static WorkerCellReport Failed(int index, string status, string reason) => new(index, status, reason, null,
        new JsonArray(new JsonObject
        {
            ["ename"] = "Error",
            ["evalue"] = reason,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(reason),
        }), TimeSpan.Zero);
}
