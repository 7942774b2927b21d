namespace Microsoft.DotNet.Interactive;

/// <summary>
/// A value shown in a cell's outputs; <see cref="Update"/> replaces it in place. Same name and behaviour as
/// .NET Interactive's type, which the Formatting package the engine can use does not contain.
/// </summary>
public sealed class DisplayedValue
{
    private readonly IReadOnlyList<string> mimeTypes;
    private readonly NotebookEngine.OutputCollector? collector;
    private readonly bool alreadyFormatted;

    internal DisplayedValue(object? value, IReadOnlyList<string> mimeTypes, bool alreadyFormatted = false)
    {
        this.alreadyFormatted = alreadyFormatted;
        this.mimeTypes = mimeTypes;
        collector = NotebookEngine.OutputCollector.Current.Value;
        DisplayId = Guid.NewGuid().ToString("N");
        Value = value;
        collector?.Display(new NotebookEngine.DisplayDataOutput(Format(value), DisplayId));
    }

    /// <summary>The id that ties updates to the original output.</summary>
    public string DisplayId { get; }

    /// <summary>The value currently displayed.</summary>
    public object? Value { get; private set; }

    /// <summary>Replaces the displayed value, formatted with the original MIME types.</summary>
    /// <param name="updatedValue">The new value.</param>
    public void Update(object? updatedValue)
    {
        Value = updatedValue;
        collector?.Update(new NotebookEngine.DisplayDataOutput(Format(updatedValue), DisplayId));
    }

    // DisplayAs shows its string as exactly the given MIME type; everything else goes through the formatters.
    private Dictionary<string, string> Format(object? value) => alreadyFormatted
        ? mimeTypes.ToDictionary(mime => mime, _ => value?.ToString() ?? "")
        : NotebookEngine.MimeFormatter.Format(value, mimeTypes);
}
