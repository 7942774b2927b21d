using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookEngine.Analysis;

/// <summary>Emits a compiled script submission the way Roslyn's own script runner does before it loads it.</summary>
internal static class ScriptEmitter
{
    /// <summary>The submission as an assembly, or its compile errors (parse errors first, then the emit's, as Roslyn's
    /// script runner reports them).</summary>
    public static PrecompiledCell Emit(Script script, out List<Diagnostic> errors)
    {
        var compilation = script.GetCompilation();
        errors = compilation.GetParseDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return PrecompiledCell.Failed(string.Join("\n", errors.Select(d => d.ToString())));
        }

        var references = ReferencesOf(compilation);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return PrecompiledCell.Failed(string.Join("\n", errors.Select(d => d.ToString())));
        }

        // A cell of only usings or comments has no code to emit, and Roslyn runs nothing for it.
        if (!emitted.Success || compilation.GetEntryPoint(CancellationToken.None) is not { } entry)
        {
            return PrecompiledCell.Nothing with { References = references };
        }

        return new PrecompiledCell(
            image.ToArray(),
            compilation.Assembly.Identity.Name,
            entry.ContainingType.MetadataName,
            ReturnValues.HasReturnValue(script),
            references);
    }

    // A #r in an earlier cell holds for later ones, and a cell of only #r and usings runs nothing: each cell names the
    // libraries of the whole chain so far.
    private static List<string> ReferencesOf(Compilation compilation)
    {
        var paths = new List<string>();
        for (Compilation? cell = compilation;
             cell is not null;
             cell = cell.ScriptCompilationInfo?.PreviousScriptCompilation)
        {
            paths.AddRange(cell.References
                .OfType<PortableExecutableReference>()
                .Select(r => r.FilePath)
                .OfType<string>()
                .Where(path => !PlatformAssemblies.Contains(path)));
        }

        return paths.Distinct(StringComparer.Ordinal).ToList();
    }
}
