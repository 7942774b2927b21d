namespace NotebookEngine;

/// <summary>A cell that ran to its end or its exception, and how to make it part of the session's state.</summary>
internal sealed record RanCell(object? ReturnValue, bool HasReturnValue, Exception? Exception, Action Keep);
