namespace NotebookEngine;

/// <summary>What is known about the symbol at a cursor: its signature(s) and documentation summary.</summary>
/// <param name="PlainText">The signature of the symbol (every overload of a method group, one per line),
/// then its summary.</param>
/// <param name="Markdown">The same as Markdown: the signatures in a C# code block, then the summary.</param>
public sealed record Inspection(string PlainText, string? Markdown);
