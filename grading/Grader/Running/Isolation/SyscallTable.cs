namespace Grading.Running.Isolation;

/// <summary>
/// The numbers of the system calls <see cref="SeccompFilter"/> denies, per architecture (x86-64:
/// arch/x86/entry/syscalls/syscall_64.tbl; arm64: the generic include/uapi/asm-generic/unistd.h). Same names, same
/// order in both tables.
/// </summary>
internal static class SyscallTable
{
    /// <summary>AUDIT_ARCH_X86_64.</summary>
    public const uint AuditArchX64 = 0xC000_003E;

    /// <summary>AUDIT_ARCH_AARCH64.</summary>
    public const uint AuditArchArm64 = 0xC000_00B7;

    /// <summary>x86-64 numbers.</summary>
    public static IReadOnlyDictionary<string, int> X64 { get; } = new Dictionary<string, int>
    {
        // Other processes: debugging, memory, handles.
        ["ptrace"] = 101, ["process_vm_readv"] = 310, ["process_vm_writev"] = 311, ["kcmp"] = 312,
        ["pidfd_getfd"] = 438, ["process_madvise"] = 440, ["perf_event_open"] = 298,
        // The kernel's configuration: BPF, keyrings, modules, kexec, swap, accounting, logs.
        ["bpf"] = 321, ["userfaultfd"] = 323, ["keyctl"] = 250, ["add_key"] = 248, ["request_key"] = 249,
        ["init_module"] = 175, ["finit_module"] = 313, ["delete_module"] = 176,
        ["kexec_load"] = 246, ["kexec_file_load"] = 320,
        ["swapon"] = 167, ["swapoff"] = 168, ["reboot"] = 169, ["acct"] = 163, ["quotactl"] = 179, ["syslog"] = 103,
        ["personality"] = 135,
        // Namespaces and mounts: the sandbox's own walls.
        ["unshare"] = 272, ["setns"] = 308, ["mount"] = 165, ["umount2"] = 166, ["pivot_root"] = 155,
        ["open_tree"] = 428, ["move_mount"] = 429, ["fsopen"] = 430,
        ["fsconfig"] = 431, ["fsmount"] = 432, ["fspick"] = 433, ["open_by_handle_at"] = 304,
        // io_uring performs calls on the process's behalf without passing this filter.
        ["io_uring_setup"] = 425, ["io_uring_enter"] = 426, ["io_uring_register"] = 427,
    };

    /// <summary>arm64 numbers.</summary>
    public static IReadOnlyDictionary<string, int> Arm64 { get; } = new Dictionary<string, int>
    {
        ["ptrace"] = 117, ["process_vm_readv"] = 270, ["process_vm_writev"] = 271, ["kcmp"] = 272,
        ["pidfd_getfd"] = 438, ["process_madvise"] = 440, ["perf_event_open"] = 241,
        ["bpf"] = 280, ["userfaultfd"] = 282, ["keyctl"] = 219, ["add_key"] = 217, ["request_key"] = 218,
        ["init_module"] = 105, ["finit_module"] = 273, ["delete_module"] = 106,
        ["kexec_load"] = 104, ["kexec_file_load"] = 294,
        ["swapon"] = 224, ["swapoff"] = 225, ["reboot"] = 142, ["acct"] = 89, ["quotactl"] = 60, ["syslog"] = 116,
        ["personality"] = 92,
        ["unshare"] = 97, ["setns"] = 268, ["mount"] = 40, ["umount2"] = 39, ["pivot_root"] = 41,
        ["open_tree"] = 428, ["move_mount"] = 429, ["fsopen"] = 430,
        ["fsconfig"] = 431, ["fsmount"] = 432, ["fspick"] = 433, ["open_by_handle_at"] = 265,
        ["io_uring_setup"] = 425, ["io_uring_enter"] = 426, ["io_uring_register"] = 427,
    };
}
