namespace NotebookEngine;

/// <summary>One output of a cell, in nbformat's three kinds.</summary>
public abstract record CellOutput;

/// <summary>Text written to Console.Out ("stdout") or Console.Error ("stderr").</summary>
/// <param name="Name">"stdout" or "stderr".</param>
/// <param name="Text">The text, consecutive writes merged.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A displayed value: one text per MIME type.</summary>
/// <param name="Data">MIME type → formatted text.</param>
/// <param name="DisplayId">The id <c>DisplayedValue.Update</c> uses to replace it.</param>
public sealed record DisplayDataOutput(IReadOnlyDictionary<string, string> Data, string? DisplayId) : CellOutput;

/// <summary>The cell failed: nbformat's error output as VS Code saves it.</summary>
/// <param name="EName">Always "Error", as the real kernel writes it.</param>
/// <param name="EValue">The failure message.</param>
/// <param name="Traceback">The message split into lines.</param>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput
{
    /// <summary>The error output for <paramref name="message"/>.</summary>
    /// <param name="message">The failure message.</param>
    /// <returns>An error output with ename "Error".</returns>
    public static ErrorOutput From(string message) => new("Error", message, message.Split('\n'));
}
