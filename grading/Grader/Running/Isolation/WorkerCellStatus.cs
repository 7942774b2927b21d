using NotebookEngine;

namespace Grading.Running.Isolation;

/// <summary>
/// How a cell of a graded notebook ended: the engine's <see cref="CellStatus"/> as the worker reported it, or what the
/// grader concluded when the cell did not run in the worker.
/// </summary>
internal enum WorkerCellStatus
{
    /// <summary>Ran to the end without an error.</summary>
    Succeeded = CellStatus.Succeeded,

    /// <summary>Did not compile (in the worker, or already when the code policy compiled it).</summary>
    CompilationError = CellStatus.CompilationError,

    /// <summary>Threw while running.</summary>
    RuntimeError = CellStatus.RuntimeError,

    /// <summary>A directive (<c>#r</c>, <c>#load</c>, …) failed.</summary>
    DirectiveError = CellStatus.DirectiveError,

    /// <summary>Ran past its time limit.</summary>
    TimedOut = CellStatus.TimedOut,

    /// <summary>The worker process died during this cell, or its report was malformed.</summary>
    Crashed = 100,

    /// <summary>The worker never reached this cell.</summary>
    NotRun,

    /// <summary>Not run: the code policy or the locked-cell check refused it.</summary>
    Blocked,
}
