using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookEngine;

/// <summary>Formats values the way the real kernel does: Formatting's preferred MIME type per type,
/// one entry per MIME type.</summary>
internal static class MimeFormatter
{
    private static int installed;

    /// <summary>Registers the formatters the real kernel's extensions would register (Plotly.NET charts).</summary>
    public static void EnsureInstalled()
    {
        if (Interlocked.Exchange(ref installed, 1) == 0)
        {
            ChartFormatter.Register();
        }
    }

    /// <summary>The display data of <paramref name="value"/>, for the given or the preferred MIME types.</summary>
    public static Dictionary<string, string> Format(object? value, IReadOnlyList<string> mimeTypes)
    {
        var types = mimeTypes.Count > 0
            ? mimeTypes
            : Formatter.GetPreferredMimeTypesFor(value?.GetType() ?? typeof(object)).ToArray();
        return types.Distinct().ToDictionary(mime => mime, mime => value.ToDisplayString(mime));
    }

    /// <summary>
    /// A return value's display data. Formatting runs user code (ToString, getters); if that throws, the cell still
    /// shows something a student can act on instead of failing after its code succeeded.
    /// </summary>
    public static Dictionary<string, string> FormatSafely(object? value)
    {
        try
        {
            return Format(value, []);
        }
        catch (Exception exception)
        {
            return new Dictionary<string, string>
            {
                ["text/plain"] =
                    $"<the value could not be formatted: {exception.GetType().Name}: {exception.Message}>",
            };
        }
    }
}
