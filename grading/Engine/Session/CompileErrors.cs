using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookEngine;

/// <summary>A compile failure as the kernel reports it: errors only (no warnings),
/// <c>(line,col): error CSxxxx: text</c>.</summary>
internal static class CompileErrors
{
    /// <summary>
    /// One line per error; positions are 1-based in the cell, and there is no file name (FilePath is ""). Joined with
    /// "\n", which is the kernel's Environment.NewLine on Linux and what notebook files store.
    /// </summary>
    public static string Format(CompilationErrorException exception) => string.Join("\n", exception.Diagnostics
        .Where(d => d.Severity == DiagnosticSeverity.Error)
        .Select(d => d.ToString()));
}
