namespace Grading.Running.Isolation;

/// <summary>
/// Why the grader itself killed a worker, if it did. A kill shows up as SIGKILL's exit status, the same one the
/// kernel's out-of-memory killer leaves, so the explanation must come from the grader's own record, not from the
/// status.
/// </summary>
internal enum WorkerStop
{
    /// <summary>The grader did not stop the worker (it exited, crashed or was killed by someone else).</summary>
    None,

    /// <summary>The whole notebook's time budget ran out.</summary>
    NotebookBudget,

    /// <summary>A cell ran past the engine's own timeout plus a grace period: the engine could not stop it.</summary>
    CellTimeout,

    /// <summary>The worker wrote more stray text to its event channel than the grader accepts.</summary>
    StrayOutput,
}
