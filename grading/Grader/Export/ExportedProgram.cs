namespace Grading.Export;

/// <summary>A type declaration taken out of a cell, with where it came from (for the comment above it).</summary>
internal sealed record MovedType(string Origin, string Code);

/// <summary>
/// Everything a file-based app is made of, in the order C# wants it; <see cref="FileBasedAppWriter"/> renders it.
/// </summary>
/// <param name="Source">The notebook's path as the header names it.</param>
/// <param name="Directives">The <c>#:package</c>/<c>#:project</c> lines and notes.</param>
/// <param name="Usings">Every using directive, defaults first, each once.</param>
/// <param name="Cells">Each cell as text: its <c>// %%</c> marker, markdown as comments, code as top-level
/// statements.</param>
/// <param name="Types">Type declarations from cells and loaded scripts.</param>
/// <param name="WithCharts">True when Plotly.NET is referenced, so the helper saves charts.</param>
internal sealed record ExportedProgram(string Source, AppDirectives Directives, IReadOnlyList<string> Usings,
    IReadOnlyList<string> Cells, IReadOnlyList<MovedType> Types, bool WithCharts);
