namespace Grading.Isolation;

/// <summary>
/// The bubblewrap command line for a worker: no network, no other processes, a read-only system and grader,
/// and one private writable folder. Nothing of the host's home, the class's submissions or the gradebook is visible.
/// </summary>
internal static class BubblewrapCommand
{
    /// <summary>Where the private scratch folder appears inside the sandbox.</summary>
    public const string ScratchMount = "/sandbox";

    /// <summary>Where the grader's own build output appears inside the sandbox.</summary>
    public const string GraderMount = "/grader";

    /// <summary>Where the .NET installation appears inside the sandbox.</summary>
    public const string DotnetMount = "/dotnet";

    /// <summary>The bwrap executable on PATH, or <see langword="null"/>.</summary>
    public static string? Executable { get; } = FindOnPath("bwrap");

    /// <summary>Read-only binds of the system folders a .NET process needs.</summary>
    public static IEnumerable<string> SystemBinds()
    {
        foreach (var folder in new[] { "/usr", "/lib", "/lib64", "/bin", "/etc" })
        {
            // --ro-bind-try: /lib64 does not exist on every distribution.
            yield return "--ro-bind-try";
            yield return folder;
            yield return folder;
        }
    }

    /// <summary>The full argument list: bwrap options, then the worker command inside the sandbox.</summary>
    public static IReadOnlyList<string> Arguments(string scratchDirectory, string graderDirectory, string dotnetRoot,
        IReadOnlyList<string> workerArguments, IReadOnlyDictionary<string, string> environment)
    {
        var arguments = new List<string>(SystemBinds());
        arguments.AddRange([
            "--ro-bind", dotnetRoot, DotnetMount,
            "--ro-bind", graderDirectory, GraderMount,
            "--bind", scratchDirectory, ScratchMount,
            "--proc", "/proc",
            "--dev", "/dev",
            "--tmpfs", "/tmp",
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--cap-drop", "ALL",
            "--clearenv",
            "--chdir", ScratchMount + "/notebooks",
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

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
