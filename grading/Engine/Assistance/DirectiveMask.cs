using System.Text.RegularExpressions;

namespace NotebookEngine;

/// <summary>
/// Blanks the lines the engine takes out of a cell before Roslyn sees it (<c>#!time</c>, kernel selectors,
/// <c>#r "nuget:…"</c>, <c>#i "nuget:…"</c>) with spaces of the same length, so every index into the cell still
/// points at the same character and Roslyn parses what the engine would compile.
/// </summary>
internal static partial class DirectiveMask
{
    /// <summary>The cell with its kernel directive lines turned into spaces;
    /// the code itself when it has none.</summary>
    public static string Apply(string code)
    {
        if (!code.Contains('#', StringComparison.Ordinal))
        {
            return code;
        }

        var chars = code.ToCharArray();
        var lineStart = 0;
        while (lineStart < chars.Length)
        {
            var lineEnd = code.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = code.Length;
            }

            var line = code.AsSpan(lineStart, lineEnd - lineStart).TrimEnd('\r');
            if (line.StartsWith("#!", StringComparison.Ordinal) || NuGetDirective().IsMatch(line))
            {
                chars.AsSpan(lineStart, line.Length).Fill(' ');
            }

            lineStart = lineEnd + 1;
        }

        return new string(chars);
    }

    // The engine's rule for package directives (CellDirectives): at column 0, the whole line.
    [GeneratedRegex("""^#[ri]\s+"nuget:[^"]*"\s*$""")]
    private static partial Regex NuGetDirective();
}
