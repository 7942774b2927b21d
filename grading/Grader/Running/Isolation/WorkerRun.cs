namespace Grading.Running.Isolation;

/// <summary>The outcome of running one notebook in a worker: a report for every cell asked for.</summary>
/// <param name="Cells">One report per requested cell, in request order.</param>
/// <param name="StartUp">From process start until the worker's session was ready.</param>
/// <param name="Total">Wall time of the whole worker.</param>
/// <param name="Death">Why the worker ended early, or null when it ran every cell.</param>
/// <param name="Sandbox">How the worker was confined, in words for the report ("bubblewrap", "process only").</param>
internal sealed record WorkerRun(IReadOnlyList<WorkerCellReport> Cells, TimeSpan StartUp, TimeSpan Total, string? Death,
    string Sandbox);
