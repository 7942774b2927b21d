namespace NotebookEngine;

/// <summary>The names that may complete the identifier at a cursor, and the span of code they replace.</summary>
/// <param name="Matches">Distinct names starting with the typed prefix (case-insensitive), sorted;
/// overloads appear once.</param>
/// <param name="CursorStart">UTF-16 index where the identifier being typed starts
/// (the cursor when none is being typed).</param>
/// <param name="CursorEnd">UTF-16 index where that identifier ends; a match replaces
/// <c>code[CursorStart..CursorEnd]</c>.</param>
public sealed record CompletionList(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);
