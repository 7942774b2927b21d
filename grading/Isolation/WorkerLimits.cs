namespace Grading.Isolation;

/// <summary>What one worker may spend: time per cell and per notebook, managed heap, output.</summary>
/// <param name="CellTimeout">A cell running longer fails with a timeout; later cells still run.</param>
/// <param name="NotebookBudget">The whole notebook, start-up included; past it the worker is killed.</param>
/// <param name="MemoryMegabytes">Managed heap cap (DOTNET_GCHeapHardLimit); an allocation past it throws OutOfMemoryException.</param>
/// <param name="OutputLimitBytes">Captured output kept per cell; the rest is cut with a note.</param>
internal sealed record WorkerLimits(TimeSpan CellTimeout, TimeSpan NotebookBudget, int MemoryMegabytes, int OutputLimitBytes)
{
    /// <summary>The defaults the CLI shows in its help.</summary>
    public static WorkerLimits Default { get; } =
        new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(300), MemoryMegabytes: 1024, OutputLimitBytes: 1 << 20);

    /// <summary>Raw bytes a worker may write to its stdout outside the protocol before it is stopped.</summary>
    public long StrayOutputLimitBytes => 16L << 20;
}
