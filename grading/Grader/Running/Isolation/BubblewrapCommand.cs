using System.Globalization;

namespace Grading.Running.Isolation;

/// <summary>
/// The bubblewrap command line for a worker: no network, no other processes, no user namespaces of its own, a seccomp
/// filter, a read-only system with only the /etc files .NET needs, the grader and the course library read-only, and
/// size-capped writable folders in memory. Nothing of the host's home, the class's submissions, the gradebook or the
/// instructor's repository is visible, not even as a path in /proc/self/mountinfo.
/// </summary>
internal static class BubblewrapCommand
{
    /// <summary>Where the worker's scratch folder (the library copy) appears, read-only.</summary>
    public const string ScratchMount = "/sandbox";

    /// <summary>The working folder: writable, in memory, empty.</summary>
    public const string NotebooksMount = ScratchMount + "/notebooks";

    /// <summary>HOME: writable, in memory, empty.</summary>
    public const string HomeMount = ScratchMount + "/home";

    /// <summary>Where the grader's build (a neutral copy) appears inside the sandbox.</summary>
    public const string GraderMount = "/grader";

    /// <summary>Where the .NET installation appears inside the sandbox.</summary>
    public const string DotnetMount = "/dotnet";

    /// <summary>The descriptor number the seccomp program is handed to bubblewrap on (one digit: POSIX sh redirects no
    /// higher).</summary>
    public const int SeccompDescriptor = 9;

    /// <summary>The bwrap executable on PATH, or <see langword="null"/>.</summary>
    public static string? Executable { get; } = FindOnPath("bwrap");

    // Found once, like bwrap: the shell would search PATH again for every worker (eight failed execs on a root PATH
    // with user tool folders first, before /usr/bin).
    private static string Setpriv { get; } = FindOnPath("setpriv") ?? "setpriv";

    /// <summary>Read-only binds of the system folders a .NET process needs (not /etc: see
    /// <see cref="EtcBinds"/>).</summary>
    public static IEnumerable<string> SystemBinds()
    {
        foreach (var folder in new[] { "/usr", "/lib", "/lib64", "/bin" })
        {
            // --ro-bind-try: /lib64 does not exist on every distribution.
            yield return "--ro-bind-try";
            yield return folder;
            yield return folder;
        }
    }

    /// <summary>
    /// The /etc files the runtime reads (the dynamic loader's cache, the time zone, the OS name), and generated
    /// passwd/group files; never the host's accounts, shadow passwords, TLS keys or anything else in /etc.
    /// </summary>
    public static IEnumerable<string> EtcBinds(string generatedEtc)
    {
        var files = new[]
        {
            "/etc/ld.so.cache",
            "/etc/ld.so.conf",
            "/etc/ld.so.conf.d",
            "/etc/localtime",
            "/etc/os-release",
            "/etc/nsswitch.conf",
        };
        foreach (var file in files)
        {
            yield return "--ro-bind-try";
            yield return file;
            yield return file;
        }

        foreach (var file in new[] { "passwd", "group" })
        {
            yield return "--ro-bind";
            yield return Path.Combine(generatedEtc, file);
            yield return "/etc/" + file;
        }
    }

    /// <summary>The bwrap arguments (after the executable): options, then the worker command inside the
    /// sandbox.</summary>
    public static IReadOnlyList<string> Arguments(
        string scratchDirectory,
        string graderCopy,
        string generatedEtc,
        string dotnetRoot,
        WorkerLimits limits,
        IReadOnlyList<string> workerArguments,
        IReadOnlyDictionary<string, string> environment)
    {
        var size = ((long)limits.ScratchMegabytes << 20).ToString(CultureInfo.InvariantCulture);
        var inside = SandboxUser.InsideId.ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string>
        {
            "--unshare-all", "--unshare-user", "--uid", inside, "--gid", inside, "--disable-userns",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv",
        };
        arguments.AddRange(SystemBinds());
        arguments.AddRange(EtcBinds(generatedEtc));
        arguments.AddRange([
            "--ro-bind", dotnetRoot, DotnetMount,
            "--ro-bind", graderCopy, GraderMount,
            // The scratch folder (and the library copy in it) read-only: a cell cannot replace TensorLab.dll, nor
            // rename lib/ away and put another in its place. Only in-memory, size-capped folders are writable.
            "--ro-bind", scratchDirectory, ScratchMount,
            "--size", size, "--tmpfs", NotebooksMount,
        ]);
        // The instructor's support files (chart helpers a notebook #loads) stay visible, read-only, in the in-memory
        // folder.
        var supportFiles = Directory
            .EnumerateFiles(Path.Combine(scratchDirectory, "notebooks"))
            .Order(StringComparer.Ordinal);
        foreach (var file in supportFiles)
        {
            arguments.AddRange(["--ro-bind", file, NotebooksMount + "/" + Path.GetFileName(file)]);
        }

        arguments.AddRange([
            "--size", size, "--tmpfs", HomeMount,
            "--size", size, "--tmpfs", "/tmp",
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", size, "--tmpfs", "/dev/shm",
            "--remount-ro", "/dev",
            "--remount-ro", "/",
            "--seccomp", SeccompDescriptor.ToString(CultureInfo.InvariantCulture),
            "--chdir", NotebooksMount,
        ]);
        foreach (var (name, value) in environment)
        {
            arguments.AddRange(["--setenv", name, value]);
        }

        arguments.Add("--");
        arguments.Add(DotnetMount + "/dotnet");
        arguments.AddRange(workerArguments);
        return arguments;
    }

    /// <summary>
    /// The whole chain that starts a sandboxed worker: a shell opens the seccomp program on descriptor 9 (the only
    /// descriptor handed on on purpose) and execs setpriv (an unprivileged host user, when the grader is root) and
    /// bwrap. Each step execs the next, so bwrap stays the direct child of the grader's thread. (The worker sets its
    /// resource caps itself: see <see cref="Worker.ResourceCaps"/>.)
    /// </summary>
    public static IReadOnlyList<string> Chain(
        string seccompProgram, int? hostUser, IReadOnlyList<string> bwrapArguments)
    {
        var chain = new List<string> { "/bin/sh", "-c", $"exec \"$@\" {SeccompDescriptor}<\"$0\"", seccompProgram };
        if (hostUser is { } id)
        {
            var text = id.ToString(CultureInfo.InvariantCulture);
            chain.AddRange([Setpriv, $"--reuid={text}", $"--regid={text}", "--clear-groups", "--"]);
        }

        chain.Add(Executable!);
        chain.AddRange(bwrapArguments);
        return chain;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
