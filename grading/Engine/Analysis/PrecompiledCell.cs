namespace NotebookEngine.Analysis;

/// <summary>
/// One cell of a <see cref="ScriptChain"/> compiled to an assembly, for a session that runs what was compiled elsewhere
/// instead of compiling it again (the grader compiles each notebook for its review in its own warm process, and the
/// worker runs exactly those assemblies). Either an image to run or the compile errors the cell has on this chain.
/// </summary>
/// <param name="Image">The emitted assembly (no debug information, as the session compiles); empty with
/// <paramref name="CompileErrors"/>, or when the cell has no code to run (only usings or comments).</param>
/// <param name="AssemblyName">The assembly's simple name (unique per submission): later cells reference it by this
/// name.</param>
/// <param name="EntryType">The submission class whose <c>&lt;Factory&gt;</c> runs the cell.</param>
/// <param name="HasReturnValue">The cell ends in an expression (no semicolon), so its value is shown.</param>
/// <param name="References">Assemblies the cell was compiled against that the runtime would not find by itself
/// (<c>#r "path.dll"</c>, packages), as absolute paths on the machine that compiled it.</param>
/// <param name="CompileErrors">Why the cell does not compile on this chain, one
/// <c>(line,col): error CSxxxx: text</c> per line as a session reports it; null when it compiles.</param>
public sealed record PrecompiledCell(
    byte[] Image,
    string AssemblyName,
    string EntryType,
    bool HasReturnValue,
    IReadOnlyList<string> References,
    string? CompileErrors = null)
{
    /// <summary>A cell that does not compile on the chain it was given.</summary>
    /// <param name="errors">The session's error text.</param>
    /// <returns>A cell with nothing to run.</returns>
    public static PrecompiledCell Failed(string errors) => new([], "", "", false, [], errors);

    /// <summary>A cell that compiles to nothing to run (only usings or comments): it still shapes later
    /// cells.</summary>
    public static PrecompiledCell Nothing { get; } = new([], "", "", false, []);
}
