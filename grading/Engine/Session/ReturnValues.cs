using System.Reflection;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookEngine;

/// <summary>
/// Whether a cell ended in an expression (no semicolon). ReturnValue alone cannot tell: it is null both for a
/// statement and for an expression whose value is null. The kernel asks Roslyn's internal Script.HasReturnValue().
/// </summary>
internal static class ReturnValues
{
    private static readonly MethodInfo HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingMethodException("Roslyn's Script.HasReturnValue() is gone; " +
                                            "the engine needs another way to tell expressions from statements.");

    public static bool HasReturnValue(ScriptState state) => HasReturnValue(state.Script);

    public static bool HasReturnValue(Script script) => HasReturnValueMethod.Invoke(script, null) is true;
}
