namespace Grading.Notebooks;

/// <summary>A file is not a readable nbformat 4 notebook; the message names the file, the JSON path and what was
/// wrong.</summary>
internal sealed class NotebookFormatException(string message) : Exception(message)
{
    /// <summary>Builds the message "file: $.path: problem".</summary>
    public static NotebookFormatException At(string file, string jsonPath, string problem) =>
        new($"{file}: {jsonPath}: {problem}");
}
