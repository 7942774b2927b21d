using System.Diagnostics;

namespace Grading.Running.Isolation;

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

        // Namespaces, another user or seccomp can be forbidden even when the binary exists (containers without user
        // namespaces, kernels without seccomp): try the same chain a worker starts with, on /bin/true.
        var hostUser = SandboxUser.CanSwitch ? SandboxUser.NextHostId() : (int?)null;
        var inside = SandboxUser.InsideId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var seccomp = BubblewrapCommand.SeccompDescriptor.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bwrap = BubblewrapCommand.SystemBinds()
            .Concat([
                "--unshare-all", "--unshare-user", "--uid", inside, "--gid", inside, "--disable-userns",
                "--die-with-parent", "--seccomp", seccomp, "--", "/bin/true",
            ])
            .ToList();
        var chain = BubblewrapCommand.Chain(SandboxRuntime.SeccompProgram, hostUser, bwrap);
        var start = new ProcessStartInfo(chain[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in chain.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? null
                : $"bwrap is installed but cannot create a sandbox here: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"bwrap could not be started: {e.Message}";
        }
        catch (Exception e) when (e is PlatformNotSupportedException or IOException or UnauthorizedAccessException)
        {
            return $"the sandbox could not be prepared: {e.Message}";
        }
    }
}
