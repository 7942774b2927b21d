namespace Grading.Notebooks;

/// <summary>A marked region kind: its name in messages and the marker words.</summary>
internal sealed record RegionKind(string Name, string Begin, string End)
{
    public static RegionKind Solution { get; } = new("solution", "BEGIN SOLUTION", "END SOLUTION");

    public static RegionKind HiddenTests { get; } = new("hidden tests", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS");

    public static RegionKind MarkScheme { get; } = new("mark scheme", "BEGIN MARK SCHEME", "END MARK SCHEME");

    public static IReadOnlyList<RegionKind> All { get; } = [Solution, HiddenTests, MarkScheme];
}

/// <summary>A problem with region markers, with the 1-based line it was found on.</summary>
internal sealed record RegionProblem(int Line, string Message);

/// <summary>
/// Finds and replaces marked regions (nbgrader's semantics): a line containing the BEGIN marker opens, one containing
/// the END marker closes; both marker lines go with the region. Nested and unterminated regions are problems.
/// </summary>
internal static class Regions
{
    /// <summary>
    /// The problems with <paramref name="kind"/>'s markers in <paramref name="source"/>; empty when balanced.
    /// </summary>
    public static IReadOnlyList<RegionProblem> Check(string source, RegionKind kind)
    {
        var problems = new List<RegionProblem>();
        int? open = null;
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // "END HIDDEN TESTS" contains no "BEGIN …", but "BEGIN SOLUTION" must not be read inside "END SOLUTION":
            // test END first.
            if (lines[i].Contains(kind.End, StringComparison.Ordinal))
            {
                if (open is null)
                {
                    problems.Add(new RegionProblem(i + 1, $"'{kind.End}' without a matching '{kind.Begin}'"));
                }

                open = null;
            }
            else if (lines[i].Contains(kind.Begin, StringComparison.Ordinal))
            {
                if (open is { } outer)
                {
                    problems.Add(new RegionProblem(i + 1, $"'{kind.Begin}' inside the {kind.Name} region opened on " +
                                                          $"line {outer}: regions cannot nest"));
                }

                open = i + 1;
            }
        }

        if (open is { } unterminated)
        {
            problems.Add(new RegionProblem(unterminated, $"'{kind.Begin}' is never closed with '{kind.End}'"));
        }

        return problems;
    }

    /// <summary>The 1-based line of the first <paramref name="kind"/> marker, or null when there is none.</summary>
    public static int? FirstMarkerLine(string source, RegionKind kind)
    {
        var lines = source.Split('\n');
        var index = Array.FindIndex(
            lines,
            line =>
                line.Contains(kind.Begin, StringComparison.Ordinal)
                    || line.Contains(kind.End, StringComparison.Ordinal));
        return index < 0 ? null : index + 1;
    }

    /// <summary>
    /// Throws when <paramref name="kind"/>'s markers in cell <paramref name="cellIndex"/> are unbalanced: replacing
    /// such a region could leak what it was meant to hide. <c>release</c> lints first, so this guards other callers.
    /// </summary>
    /// <exception cref="RegionException">A nested, unterminated or stray marker; the message names the notebook, cell,
    /// grade id and line.</exception>
    public static void EnsureBalanced(Notebook notebook, int cellIndex, RegionKind kind)
    {
        var cell = notebook.Cells[cellIndex];
        if (Check(cell.Source, kind) is [var first, ..])
        {
            var gradeId = cell.GradeId is { } id ? $" ({id})" : "";
            throw new RegionException(
                $"{notebook.Path}: cell {cellIndex}{gradeId}, line {first.Line}: {first.Message}");
        }
    }

    /// <summary>True when <paramref name="source"/> has a <paramref name="kind"/> marker.</summary>
    public static bool Contains(string source, RegionKind kind) =>
        source.Contains(kind.Begin, StringComparison.Ordinal) || source.Contains(kind.End, StringComparison.Ordinal);

    /// <summary>
    /// Replaces each region with <paramref name="replacement"/> (given the BEGIN line's indentation), or removes it
    /// when the replacement is null. Call <see cref="Check"/> first: this assumes balanced markers.
    /// </summary>
    public static string Replace(string source, RegionKind kind, Func<string, IEnumerable<string>>? replacement)
    {
        var output = new List<string>();
        var inside = false;
        foreach (var line in source.Split('\n'))
        {
            if (!inside && line.Contains(kind.Begin, StringComparison.Ordinal))
            {
                inside = true;
                var indentation = line[..(line.Length - line.TrimStart().Length)];
                output.AddRange(replacement?.Invoke(indentation) ?? []);
            }
            else if (inside && line.Contains(kind.End, StringComparison.Ordinal))
            {
                inside = false;
            }
            else if (!inside)
            {
                output.Add(line);
            }
        }

        return string.Join('\n', output);
    }
}
