using System.Globalization;
using System.Runtime.InteropServices;

namespace Grading.Running.Worker;

/// <summary>
/// The kernel resource limits (rlimits) a worker runs student code under: private memory (managed heap + native
/// headroom), processes, file size, open files, no core dumps. The grader hands them to the worker in its environment
/// and the worker sets them on itself, soft and hard alike, before it reads its first request: no student code runs
/// before that, and lowering a limit cannot be undone without CAP_SYS_RESOURCE in the host's user namespace, which a
/// sandboxed worker never has. (They were applied by util-linux's prlimit in front of the worker until 2026-12-03: one
/// more process to start per notebook, dear on the course's VM, and no limits at all where prlimit was missing.) The
/// process cap only binds a worker that runs as its own unprivileged user (the kernel never applies RLIMIT_NPROC to
/// root).
/// </summary>
internal sealed record ResourceCaps(long DataBytes, int? Tasks, long FileBytes, int OpenFiles)
{
    /// <summary>The environment variable that carries the caps to the worker.</summary>
    public const string EnvironmentVariable = "GRADER_WORKER_CAPS";

    // Linux's resource numbers (asm-generic, as on x86-64 and arm64).
    private const int FileSizeResource = 1;
    private const int DataResource = 2;
    private const int CoreResource = 4;
    private const int ProcessesResource = 6;
    private const int OpenFilesResource = 7;

    /// <summary>The caps as the value of <see cref="EnvironmentVariable"/>, e.g.
    /// <c>data=2147483648 fsize=134217728 nofile=1024 core=0 nproc=256</c>.</summary>
    public string ToEnvironmentValue() =>
        string.Join(' ', Limits().Select(limit => string.Create(
            CultureInfo.InvariantCulture, $"{limit.Name}={limit.Value}")));

    /// <summary>The caps <see cref="ToEnvironmentValue"/> wrote, or <see langword="null"/> with the reason when
    /// <paramref name="value"/> is missing or not such a list.</summary>
    public static ResourceCaps? Parse(string? value, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = $"{EnvironmentVariable} is not set: only the grader starts workers, and it always sets it.";
            return null;
        }

        var values = new Dictionary<string, long>();
        foreach (var pair in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || !values.TryAdd(parts[0], number))
            {
                problem = $"{EnvironmentVariable} has \"{pair}\", not one name=number pair.";
                return null;
            }
        }

        string[] required = ["data", "fsize", "nofile", "core"];
        if (required.FirstOrDefault(name => !values.ContainsKey(name)) is { } missing)
        {
            problem = $"{EnvironmentVariable} has no \"{missing}\" limit.";
            return null;
        }

        if (values["core"] != 0 || values.Keys.Except([.. required, "nproc"]).FirstOrDefault() is { } unknown)
        {
            problem = $"{EnvironmentVariable} has a limit the grader never sets: {value}";
            return null;
        }

        return new ResourceCaps(
            values["data"],
            values.TryGetValue("nproc", out var tasks) ? checked((int)tasks) : null,
            values["fsize"],
            checked((int)values["nofile"]));
    }

    /// <summary>
    /// Sets every cap on this process, soft and hard; <see langword="false"/> with the failing limit and the error
    /// when one could not be set (the worker then refuses to run anything).
    /// </summary>
    public bool TryApply(out string? problem)
    {
        problem = null;
        if (!OperatingSystem.IsLinux())
        {
            problem = "resource caps need Linux.";
            return false;
        }

        foreach (var (name, resource, value) in Limits())
        {
            var limit = new ResourceLimit((ulong)value, (ulong)value);
            if (SetResourceLimit(resource, limit) != 0)
            {
                problem = $"setrlimit({name}={value}) failed: errno {Marshal.GetLastPInvokeError()}.";
                return false;
            }
        }

        return true;
    }

    private IEnumerable<(string Name, int Resource, long Value)> Limits()
    {
        yield return ("data", DataResource, DataBytes);
        yield return ("fsize", FileSizeResource, FileBytes);
        yield return ("nofile", OpenFilesResource, OpenFiles);
        yield return ("core", CoreResource, 0);
        if (Tasks is { } tasks)
        {
            yield return ("nproc", ProcessesResource, tasks);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct ResourceLimit(ulong Soft, ulong Hard);

    [DllImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static extern int SetResourceLimit(int resource, in ResourceLimit limit);
}
