using System.Runtime.InteropServices;

namespace Grading.Running.Isolation;

/// <summary>
/// File descriptors the grader inherited (a shell's <c>exec 5&gt;&gt;file</c>, a CI runner's pipes) would otherwise
/// pass on to every worker: .NET opens its own files close-on-exec, but it cannot know about descriptors it was born
/// with. Marking them close-on-exec keeps them usable by the grader and out of the sandbox.
/// </summary>
internal static partial class InheritedDescriptors
{
    private const int GetDescriptorFlags = 1;
    private const int SetDescriptorFlags = 2;
    private const int CloseOnExec = 1;

    /// <summary>Sets FD_CLOEXEC on every open descriptor from 3 up; returns how many needed it.</summary>
    public static int MarkCloseOnExec()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var marked = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var fd) || fd < 3)
            {
                continue;
            }

            var flags = Fcntl(fd, GetDescriptorFlags, 0);
            if (flags >= 0 && (flags & CloseOnExec) == 0 && Fcntl(fd, SetDescriptorFlags, flags | CloseOnExec) == 0)
            {
                marked++;
            }
        }

        return marked;
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int command, int argument);
}
