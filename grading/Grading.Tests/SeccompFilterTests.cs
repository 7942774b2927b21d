using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>The seccomp program's bytes, run through the same decisions the kernel makes.</summary>
public class SeccompFilterTests
{
    private static readonly byte[] X64 = SeccompFilter.Build(
        SyscallTable.AuditArchX64,
        SyscallTable.X64.Values,
        rejectX32: true);
    private static readonly byte[] Arm64 = SeccompFilter.Build(
        SyscallTable.AuditArchArm64,
        SyscallTable.Arm64.Values,
        rejectX32: false);

    [Theory]
    [InlineData("ptrace")]
    [InlineData("process_vm_readv")]
    [InlineData("process_vm_writev")]
    [InlineData("unshare")]
    [InlineData("mount")]
    [InlineData("bpf")]
    [InlineData("io_uring_setup")]
    public void ADeniedCall_WhenMadeOnEitherArchitecture_FailsWithEperm(string call)
    {
        Assert.Equal(
            SeccompFilter.DenyWithEperm,
            SeccompFilter.Evaluate(X64, SyscallTable.AuditArchX64, SyscallTable.X64[call]));
        Assert.Equal(
            SeccompFilter.DenyWithEperm,
            SeccompFilter.Evaluate(Arm64, SyscallTable.AuditArchArm64, SyscallTable.Arm64[call]));
    }

    [Theory]
    [InlineData(0)]   // read
    [InlineData(1)]   // write
    [InlineData(9)]   // mmap
    [InlineData(10)]  // mprotect: the JIT needs it
    [InlineData(56)]  // clone: threads
    [InlineData(435)] // clone3
    [InlineData(257)] // openat
    public void ACallTheRuntimeNeeds_WhenMadeOnX64_IsAllowed(int call) =>
        Assert.Equal(SeccompFilter.Allow, SeccompFilter.Evaluate(X64, SyscallTable.AuditArchX64, call));

    [Fact]
    public void AnotherArchitectureOrTheX32Table_WhenACallArrives_TheProcessIsKilled()
    {
        const uint i386 = 0x4000_0003;
        Assert.Equal(SeccompFilter.KillProcess, SeccompFilter.Evaluate(X64, i386, 26));
        Assert.Equal(
            SeccompFilter.KillProcess,
            SeccompFilter.Evaluate(X64, SyscallTable.AuditArchX64, 0x4000_0000 | 101));
        Assert.Equal(SeccompFilter.Allow, SeccompFilter.Evaluate(Arm64, SyscallTable.AuditArchArm64, 0x4000_0000 | 63));
    }

    [Fact]
    public void TheProgram_IsEightByteInstructions_StartingWithTheArchitectureLoad_AndEndingInAllowThenDeny()
    {
        Assert.Equal(0, X64.Length % 8);
        Assert.Equal((6 + SyscallTable.X64.Count + 2) * 8, X64.Length);
        Assert.Equal(new byte[] { 0x20, 0, 0, 0, 4, 0, 0, 0 }, X64[..8]);
        Assert.Equal(new byte[] { 0x06, 0, 0, 0, 0, 0, 0xff, 0x7f }, X64[^16..^8]);
        Assert.Equal(new byte[] { 0x06, 0, 0, 0, 1, 0, 5, 0 }, X64[^8..]);
    }

    [Fact]
    public void BothTables_DenyTheSameCalls()
    {
        Assert.Equal(SyscallTable.X64.Keys.Order(), SyscallTable.Arm64.Keys.Order());
        Assert.Equal(SyscallTable.X64.Count, SyscallTable.X64.Values.Distinct().Count());
        Assert.Equal(SyscallTable.Arm64.Count, SyscallTable.Arm64.Values.Distinct().Count());
    }
}
