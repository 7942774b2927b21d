using System.Collections.Frozen;
using System.Reflection;
using System.Reflection.Emit;

namespace Grading.Policy;

/// <summary>The operand kind of every IL opcode, to walk a method body instruction by instruction.</summary>
internal static class IlOperands
{
    // From the runtime's own table of opcodes rather than a copy of ECMA-335's: one list to keep current.
    private static readonly FrozenDictionary<int, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToFrozenDictionary(code => (int)(ushort)code.Value, code => code.OperandType);

    /// <summary>The operand kind of <paramref name="code"/> (one byte, or 0xFE and its second byte as
    /// 0xFExx); null for a byte that is no opcode.</summary>
    public static OperandType? Of(int code) => Operands.TryGetValue(code, out var operand) ? operand : null;
}
