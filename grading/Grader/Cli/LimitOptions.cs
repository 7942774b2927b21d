using System.CommandLine;
using Grading.Running.Isolation;

namespace Grading.Cli;

/// <summary>
/// The limit options every verb that runs notebooks shares, with their defaults taken from
/// <see cref="WorkerLimits.Default"/> (the one home of the 30 s / 300 s / 1024 MB figures), so <c>run</c>,
/// <c>validate</c> and <c>autograde</c> agree.
/// </summary>
internal static class LimitOptions
{
    /// <summary><c>--timeout</c>: seconds per cell.</summary>
    public static Option<int> CellTimeout() => new("--timeout")
    {
        Description = "Seconds per cell before it fails.",
        DefaultValueFactory = _ => (int)WorkerLimits.Default.CellTimeout.TotalSeconds,
    };

    /// <summary><c>--notebook-timeout</c>: seconds per notebook, start-up included.</summary>
    public static Option<int> NotebookTimeout() => new("--notebook-timeout")
    {
        Description = "Seconds per notebook, start-up included.",
        DefaultValueFactory = _ => (int)WorkerLimits.Default.NotebookBudget.TotalSeconds,
    };

    /// <summary><c>--memory</c>: the managed heap limit per worker.</summary>
    public static Option<int> Memory() => new("--memory")
    {
        Description = "Managed heap limit per worker, MB.",
        DefaultValueFactory = _ => WorkerLimits.Default.MemoryMegabytes,
    };
}
