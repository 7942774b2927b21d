using System.Security.Cryptography;

namespace Grading.Running.Isolation;

/// <summary>
/// Who a sandboxed worker runs as. Inside it is "nobody" (65534); on the host it is a fresh unprivileged id per worker,
/// not root, so a way out of the sandbox lands with no rights, and the process cap (RLIMIT_NPROC counts per host user,
/// and never applies to root) holds for each worker separately.
/// </summary>
internal static class SandboxUser
{
    /// <summary>The user and group id the student's code sees.</summary>
    public const int InsideId = 65534;

    // A range no distribution hands out (system ids < 1000, users < 60000, systemd's dynamic ones < 0x10000000).
    private const int FirstHostId = 0x3000_0000;
    private const int HostIdCount = 1 << 24;

    /// <summary>True when the grader can switch to another user (it runs as root).</summary>
    public static bool CanSwitch => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;

    /// <summary>An unused-looking host id for one worker.</summary>
    public static int NextHostId() => FirstHostId + RandomNumberGenerator.GetInt32(HostIdCount);
}
