using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Grading.Running.Isolation;

/// <summary>
/// The seccomp program a sandboxed worker runs under, as the classic BPF bytes bubblewrap's <c>--seccomp FD</c> loads.
/// It denies (EPERM) the system calls that reach into other processes or the kernel's configuration — debugging another
/// process, reading or writing its memory, new namespaces and mounts, kernel modules, keyrings, BPF — and kills a
/// process that uses another architecture's system-call table to get around the list. Everything else is allowed: the
/// engine needs threads, JIT memory and files.
/// </summary>
internal static class SeccompFilter
{
    /// <summary>seccomp's "let it run".</summary>
    public const uint Allow = 0x7fff_0000;

    /// <summary>seccomp's "kill the whole process".</summary>
    public const uint KillProcess = 0x8000_0000;

    /// <summary>seccomp's "fail the call with errno EPERM (1)".</summary>
    public const uint DenyWithEperm = 0x0005_0000 | 1;

    // Classic BPF opcodes (linux/filter.h).
    private const ushort LoadWordAbsolute = 0x20;
    private const ushort JumpIfEqual = 0x15;
    private const ushort JumpIfGreaterOrEqual = 0x35;
    private const ushort Return = 0x06;

    // Offsets in struct seccomp_data: int nr; __u32 arch; …
    private const uint SyscallNumberOffset = 0;
    private const uint ArchitectureOffset = 4;

    // x86-64 marks x32-ABI calls with this bit; a filter for x86-64 numbers must not let them through.
    private const uint X32SyscallBit = 0x4000_0000;

    /// <summary>The system calls denied, by name, for the report and the tests.</summary>
    public static IReadOnlyList<string> DeniedNames => SyscallTable.X64.Keys.ToList();

    /// <summary>The filter for the machine this grader runs on.</summary>
    /// <exception cref="PlatformNotSupportedException">Not x86-64 or arm64 Linux.</exception>
    public static byte[] ForThisMachine() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => Build(SyscallTable.AuditArchX64, SyscallTable.X64.Values, rejectX32: true),
        Architecture.Arm64 => Build(SyscallTable.AuditArchArm64, SyscallTable.Arm64.Values, rejectX32: false),
        var other => throw new PlatformNotSupportedException(
            $"No seccomp system-call table for {other}: use --sandbox none, or grade on x86-64 or arm64 Linux."),
    };

    /// <summary>
    /// The program: check the architecture, load the call number, compare it with each denied number, allow the rest.
    /// Each instruction is 8 bytes (u16 code, u8 jump-if-true, u8 jump-if-false, u32 operand), little-endian.
    /// </summary>
    public static byte[] Build(uint auditArchitecture, IEnumerable<int> deniedCalls, bool rejectX32)
    {
        var denied = deniedCalls.Distinct().Order().ToList();
        if (denied.Count > 250)
        {
            throw new ArgumentException(
                "A classic BPF jump reaches at most 255 instructions ahead: deny at most 250 calls.",
                nameof(deniedCalls));
        }

        var program = new List<(ushort Code, byte True, byte False, uint Operand)>
        {
            (LoadWordAbsolute, 0, 0, ArchitectureOffset),
            (JumpIfEqual, 1, 0, auditArchitecture),
            (Return, 0, 0, KillProcess),
            (LoadWordAbsolute, 0, 0, SyscallNumberOffset),
        };
        if (rejectX32)
        {
            program.Add((JumpIfGreaterOrEqual, 0, 1, X32SyscallBit));
            program.Add((Return, 0, 0, KillProcess));
        }

        for (var i = 0; i < denied.Count; i++)
        {
            // On a match, jump over the remaining comparisons and the "allow" to the "deny" at the end.
            program.Add((JumpIfEqual, (byte)(denied.Count - i), 0, (uint)denied[i]));
        }

        program.Add((Return, 0, 0, Allow));
        program.Add((Return, 0, 0, DenyWithEperm));
        var bytes = new byte[program.Count * 8];
        for (var i = 0; i < program.Count; i++)
        {
            var instruction = bytes.AsSpan(i * 8, 8);
            BinaryPrimitives.WriteUInt16LittleEndian(instruction, program[i].Code);
            instruction[2] = program[i].True;
            instruction[3] = program[i].False;
            BinaryPrimitives.WriteUInt32LittleEndian(instruction[4..], program[i].Operand);
        }

        return bytes;
    }

    /// <summary>
    /// Runs <paramref name="program"/> as the kernel would on one call: what it returns for <paramref name="syscall"/>
    /// made with <paramref name="auditArchitecture"/>. The tests use it to check the bytes, not just their length.
    /// </summary>
    public static uint Evaluate(ReadOnlySpan<byte> program, uint auditArchitecture, int syscall)
    {
        uint accumulator = 0;
        for (var pc = 0; pc * 8 < program.Length;)
        {
            var instruction = program.Slice(pc * 8, 8);
            var code = BinaryPrimitives.ReadUInt16LittleEndian(instruction);
            var operand = BinaryPrimitives.ReadUInt32LittleEndian(instruction[4..]);
            switch (code)
            {
                case LoadWordAbsolute:
                    accumulator = operand == ArchitectureOffset ? auditArchitecture : unchecked((uint)syscall);
                    pc++;
                    break;
                case JumpIfEqual:
                    pc += 1 + (accumulator == operand ? instruction[2] : instruction[3]);
                    break;
                case JumpIfGreaterOrEqual:
                    pc += 1 + (accumulator >= operand ? instruction[2] : instruction[3]);
                    break;
                case Return:
                    return operand;
                default:
                    throw new InvalidOperationException(
                        $"Instruction {pc} has an opcode 0x{code:x} this filter never emits.");
            }
        }

        throw new InvalidOperationException(
            "The program ran off its end without returning: the kernel would reject it.");
    }
}
