using System.Text;

namespace Grading.Running.Isolation;

/// <summary>
/// What every sandboxed worker of this grader process shares, prepared once in a neutral temporary folder: a copy of
/// the grader's build (so /proc/self/mountinfo inside the sandbox shows a temporary path, never the instructor's
/// repository), the seccomp program, and minimal passwd/group files instead of the host's /etc. Removed when the grader
/// exits.
/// </summary>
internal static class SandboxRuntime
{
    private static readonly Lazy<string> Folder = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The copy of the grader's build directory, bound read-only at
    /// <see cref="BubblewrapCommand.GraderMount"/>.</summary>
    public static string GraderCopy => Path.Combine(Folder.Value, "grader");

    /// <summary>The seccomp program bubblewrap loads.</summary>
    public static string SeccompProgram => Path.Combine(Folder.Value, "seccomp.bpf");

    /// <summary>The sandbox's /etc/passwd and /etc/group: the sandbox user and nothing of the host's
    /// accounts.</summary>
    public static string Etc => Path.Combine(Folder.Value, "etc");

    private static string Prepare()
    {
        var root = Directory.CreateTempSubdirectory("grader-runtime-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        CopyReadable(WorkerLauncher.GraderDirectory, Path.Combine(root, "grader"));
        File.WriteAllBytes(Path.Combine(root, "seccomp.bpf"), SeccompFilter.ForThisMachine());
        var etc = Directory.CreateDirectory(Path.Combine(root, "etc")).FullName;
        File.WriteAllText(
            Path.Combine(etc, "passwd"),
            $"nobody:x:{SandboxUser.InsideId}:{SandboxUser.InsideId}:sandbox:" +
            $"{BubblewrapCommand.HomeMount}:/usr/sbin/nologin\n",
            Encoding.ASCII);
        File.WriteAllText(Path.Combine(etc, "group"), $"nogroup:x:{SandboxUser.InsideId}:\n", Encoding.ASCII);
        MakeReadable(root);
        return root;
    }

    private static void CopyReadable(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            CopyReadable(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    /// <summary>Folders 0755 and files 0644 all the way down: the sandbox user is not the grader's user.</summary>
    public static void MakeReadable(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode readable =
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode traversable =
            readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(folder, traversable);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.SetUnixFileMode(file, readable);
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            MakeReadable(child);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover copy in the temp folder is harmless; the OS cleans it.
        }
    }
}
