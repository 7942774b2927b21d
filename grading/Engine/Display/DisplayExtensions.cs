using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting.TabularData;

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

    /// <summary>Shows a sequence as a table, one column per public property, as <c>text/html</c> and
    /// <c>text/csv</c>.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="rows">The rows.</param>
    /// <param name="mimeTypes">MIME types to format it as; none for the kernel's html + csv.</param>
    /// <returns>A handle for updates.</returns>
    public static DisplayedValue DisplayTable<T>(this IEnumerable<T> rows, params string[] mimeTypes) =>
        new(rows.ToTabularDataResource(), mimeTypes.Length > 0 ? mimeTypes : ["text/html", "text/csv"]);
}
