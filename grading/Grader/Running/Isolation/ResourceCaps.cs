using System.Globalization;

namespace Grading.Running.Isolation;

/// <summary>
/// The kernel resource limits (rlimits) a worker starts under, applied by util-linux's <c>prlimit</c>: private memory
/// (managed heap + native headroom), processes, file size, open files, no core dumps. The process cap only binds a
/// worker that runs as its own unprivileged user (the kernel never applies RLIMIT_NPROC to root).
/// </summary>
internal sealed record ResourceCaps(long DataBytes, int? Tasks, long FileBytes, int OpenFiles)
{
    /// <summary>util-linux prlimit on PATH, or <see langword="null"/> (then no rlimits, reported by the
    /// caller).</summary>
    public static string? Prlimit { get; } = new[] { "/usr/bin/prlimit", "/bin/prlimit" }.FirstOrDefault(File.Exists);

    /// <summary>The caps for <paramref name="limits"/>; <paramref name="ownUser"/>: whether the worker has a host user
    /// of its own.</summary>
    public static ResourceCaps For(WorkerLimits limits, bool ownUser) =>
        new(
            limits.DataLimitBytes,
            ownUser ? limits.MaxTasks : null,
            (long)limits.MaxFileMegabytes << 20,
            limits.MaxOpenFiles);

    /// <summary>"prlimit --data=… … --" to put in front of a command, or nothing when prlimit is missing.</summary>
    public IReadOnlyList<string> PrlimitPrefix()
    {
        if (Prlimit is null)
        {
            return [];
        }

        var prefix = new List<string>
        {
            Prlimit,
            Cap("data", DataBytes),
            Cap("fsize", FileBytes),
            Cap("nofile", OpenFiles),
            "--core=0",
        };
        if (Tasks is { } tasks)
        {
            prefix.Add(Cap("nproc", tasks));
        }

        prefix.Add("--");
        return prefix;
    }

    private static string Cap(string name, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"--{name}={value}");
}
