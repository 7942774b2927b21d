namespace Grading.Export;

/// <summary>
/// A notebook, or one of its cells, that a file-based app cannot express; the message names the notebook and cell.
/// </summary>
internal sealed class ExportException(string message) : Exception(message)
{
    /// <summary>
    /// A problem in cell <paramref name="cellIndex"/> (0-based, as <c>run</c> and <c>check</c> count cells).
    /// </summary>
    public static ExportException InCell(string notebookPath, int cellIndex, string? gradeId, string problem) =>
        new($"{notebookPath}: cell {cellIndex}{(gradeId is null ? "" : $" ({gradeId})")}: {problem}");
}
