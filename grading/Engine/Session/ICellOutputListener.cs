namespace NotebookEngine;

/// <summary>
/// Hears a cell's outputs as they happen, in order, so a front end (the Jupyter kernel) can show them live.
/// The session's collected <see cref="CellResult.Outputs"/> are unchanged; this only adds a live view of them.
/// </summary>
/// <remarks>
/// Calls come from the cell's own threads, one at a time under the collector's lock, so keep them short (queue the
/// work). An exception from the listener is swallowed: a front end's problem never fails the student's cell. Only
/// output the collector keeps is reported: text past the output limit never reaches the listener, the truncation note
/// does. The failure itself is not reported here: it is in the returned <see cref="CellResult"/>.
/// </remarks>
public interface ICellOutputListener
{
    /// <summary>Console text was written.</summary>
    /// <param name="name">"stdout" or "stderr".</param>
    /// <param name="text">The text of this write (not merged with earlier writes).</param>
    void OnStream(string name, string text);

    /// <summary>A value was displayed (<c>display</c>, <c>.Display()</c>, a directive's HTML).</summary>
    /// <param name="display">Its data and display id.</param>
    void OnDisplay(DisplayDataOutput display);

    /// <summary>A displayed value was replaced (<c>DisplayedValue.Update</c>).</summary>
    /// <param name="display">The new data, with the id of the display it replaces.</param>
    void OnUpdate(DisplayDataOutput display);

    /// <summary>The cell ended with an expression; this is its formatted value (Jupyter's execute_result).</summary>
    /// <param name="data">MIME type → formatted text, in the kernel's preferred types (may lack text/plain).</param>
    /// <param name="value">The value itself, for a front end that needs another MIME type of it.</param>
    void OnResult(IReadOnlyDictionary<string, string> data, object? value);
}
