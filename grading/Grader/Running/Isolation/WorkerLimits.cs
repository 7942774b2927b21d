using Grading.Running.Worker;

namespace Grading.Running.Isolation;

/// <summary>What one worker may spend: time per cell and per notebook, memory, output, processes and disk.</summary>
/// <param name="CellTimeout">A cell running longer fails with a timeout; later cells still run.</param>
/// <param name="NotebookBudget">The whole notebook, start-up included; past it the worker is killed.</param>
/// <param name="MemoryMegabytes">Managed heap cap (DOTNET_GCHeapHardLimit); an allocation past it throws
/// OutOfMemoryException.</param>
/// <param name="OutputLimitBytes">Captured output kept per cell; the rest is cut with a note.</param>
internal sealed record WorkerLimits(
    TimeSpan CellTimeout,
    TimeSpan NotebookBudget,
    int MemoryMegabytes,
    int OutputLimitBytes)
{
    /// <summary>The defaults the CLI shows in its help.</summary>
    public static WorkerLimits Default { get; } =
        new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(300), MemoryMegabytes: 1024, OutputLimitBytes: 1 << 20);

    /// <summary>Raw bytes a worker may write to its stdout outside the protocol before it is stopped.</summary>
    public long StrayOutputLimitBytes => 16L << 20;

    /// <summary>
    /// Private writable memory beyond the managed heap (RLIMIT_DATA = heap + this): the runtime, the compiler and
    /// thread stacks fit in it; a student's native allocation (Marshal.AllocHGlobal, NativeMemory) of more does not.
    /// 1 GiB: an honest course notebook (Roslyn, Plotly, the chapter-03 tables) was seen at 1.5 GB of private data with
    /// a 1 GiB heap.
    /// </summary>
    public int NativeHeadroomMegabytes { get; init; } = 1024;

    /// <summary>Processes and threads of one worker (RLIMIT_NPROC under its own host user); .NET itself needs about
    /// 30.</summary>
    public int MaxTasks { get; init; } = 256;

    /// <summary>The largest file a worker may write (RLIMIT_FSIZE).</summary>
    public int MaxFileMegabytes { get; init; } = 128;

    /// <summary>Size of each writable folder in the sandbox (/tmp, the working folder, home, /dev/shm), held in
    /// memory.</summary>
    public int ScratchMegabytes { get; init; } = 64;

    /// <summary>Open files of one worker (RLIMIT_NOFILE).</summary>
    public int MaxOpenFiles { get; init; } = 1024;

    /// <summary>RLIMIT_DATA in bytes.</summary>
    public long DataLimitBytes => (long)(MemoryMegabytes + NativeHeadroomMegabytes) << 20;

    /// <summary>The rlimits a worker sets on itself; <paramref name="ownUser"/>: whether it has a host user of its own
    /// (the process cap counts a user's processes, so it only binds then).</summary>
    public ResourceCaps Caps(bool ownUser) =>
        new(DataLimitBytes, ownUser ? MaxTasks : null, (long)MaxFileMegabytes << 20, MaxOpenFiles);
}
