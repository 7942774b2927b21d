namespace Grading.Exports;

/// <summary>
/// Text for a CSV cell a spreadsheet will open: a cell that starts with = + - @ (or a tab or carriage return, which
/// some spreadsheets skip before one of those) would be read as a formula, so a student id or answer like
/// <c>=HYPERLINK("http://…")</c> gets a leading apostrophe, the escape OWASP recommends. <see cref="Unescape"/> undoes
/// it when the instructor's sheet is read back.
/// </summary>
internal static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary><paramref name="text"/>, made inert for a spreadsheet.</summary>
    public static string Escape(string text) =>
        text.Length > 0 && (FormulaStarts.Contains(text[0]) || text[0] == '\'' && Unescape(text) != text)
        ? "'" + text
        : text;

    /// <summary>The original of an <see cref="Escape"/>d cell.</summary>
    public static string Unescape(string text) =>
        text.Length > 1 && text[0] == '\'' && (FormulaStarts.Contains(text[1]) || text[1] == '\'')
        ? text[1..]
        : text;
}
