using Microsoft.DotNet.Interactive;

namespace System;

/// <summary>
/// <c>x.Display()</c>, <c>"…".DisplayAs(mime)</c> and <c>rows.DisplayTable()</c>, in namespace System as in .NET
/// Interactive, so cells call them without a using.
/// </summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> with its preferred or the given MIME types.</summary>
    /// <param name="value">What to show.</param>
    /// <param name="mimeTypes">MIME types to format it as; none for the preferred one.</param>
    /// <returns>A handle for updates.</returns>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => new(value, mimeTypes);

    /// <summary>Shows <paramref name="value"/> as exactly <paramref name="mimeType"/>, unformatted.</summary>
    /// <param name="value">The already formatted text (e.g. HTML).</param>
    /// <param name="mimeType">Its MIME type.</param>
    /// <returns>A handle for updates.</returns>
    public static DisplayedValue DisplayAs(this string value, string mimeType) =>
        new(value, [mimeType], alreadyFormatted: true);

    /// <summary>Shows a sequence as an HTML table (one column per public property).</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="rows">The rows.</param>
    /// <returns>A handle for updates.</returns>
    public static DisplayedValue DisplayTable<T>(this IEnumerable<T> rows) =>
        new(rows.ToArray(), ["text/html"]);
}
