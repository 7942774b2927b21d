using System.Diagnostics;

namespace Grading.Isolation;

/// <summary>Finds out once whether bubblewrap can create the namespaces a worker needs on this machine.</summary>
internal static class BubblewrapProbe
{
    private static readonly Lazy<string?> Problem = new(FindProblem);

    /// <summary>Why bubblewrap cannot be used here, or <see langword="null"/> when it works.</summary>
    public static string? WhyUnavailable => Problem.Value;

    private static string? FindProblem()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "bubblewrap only exists on Linux";
        }

        var path = BubblewrapCommand.Executable;
        if (path is null)
        {
            return "bwrap is not installed (Debian/Ubuntu: sudo apt-get install bubblewrap)";
        }

        // Namespaces can be forbidden even when the binary exists (containers without user namespaces).
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in BubblewrapCommand.SystemBinds().Concat(["--unshare-all", "--die-with-parent", "--", "/bin/true"]))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"bwrap is installed but cannot create a sandbox here: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"bwrap could not be started: {e.Message}";
        }
    }
}
