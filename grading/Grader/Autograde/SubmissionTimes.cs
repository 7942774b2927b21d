namespace Grading.Autograde;

/// <summary>
/// When each student submitted, from a file the instructor owns (<c>--times</c>): one <c>student,timestamp</c> line per
/// student, as a collection script or an LMS export writes it. A student's own timestamp.txt is never read: the student
/// could write any date into it. A missing or unreadable time is flagged on the grade, never taken as "on time".
/// </summary>
internal sealed class SubmissionTimes
{
    private readonly Dictionary<string, (DateTimeOffset? Time, string? Problem)> times;
    private readonly string? source;
    private readonly bool dueDateSet;

    private SubmissionTimes(Dictionary<string, (DateTimeOffset?, string?)> times, string? source, bool dueDateSet) =>
        (this.times, this.source, this.dueDateSet) = (times, source, dueDateSet);

    /// <summary>No collection file: every time unknown (flagged only when a due date makes lateness matter).</summary>
    public static SubmissionTimes None(bool dueDateSet) => new([], null, dueDateSet);

    /// <summary>Reads <paramref name="path"/>: "student,timestamp" lines, '#' comments and an optional header
    /// line.</summary>
    /// <exception cref="FormatException">A line without a comma, or a student listed twice, with the line
    /// number.</exception>
    public static SubmissionTimes Load(string path, bool dueDateSet)
    {
        var times = new Dictionary<string, (DateTimeOffset?, string?)>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0
                || text.StartsWith('#')
                || (number == 1 && text.StartsWith("student,", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var comma = text.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0)
            {
                throw new FormatException(
                    $"{path}:{number}: expected 'student,timestamp' (e.g. alice,2026-11-20T13:45:00Z), " +
                    $"found '{text}'.");
            }

            var (student, stamp) = (text[..comma].Trim(), text[(comma + 1)..].Trim());
            var parsed = SubmissionFinder.ParseTimestamp(stamp);
            var problem = parsed is null
                ? $"submission time '{stamp}' in {Path.GetFileName(path)} line {number} is not a date; " +
                  "lateness was not computed — fix the line and re-run"
                : null;
            if (!times.TryAdd(student, (parsed, problem)))
            {
                throw new FormatException(
                    $"{path}:{number}: student '{student}' is listed twice; keep one line per student.");
            }
        }

        return new SubmissionTimes(times, path, dueDateSet);
    }

    /// <summary>The time for <paramref name="student"/>, or why it is unknown (null when that does not
    /// matter).</summary>
    public (DateTimeOffset? Time, string? Problem) For(string student)
    {
        if (times.TryGetValue(student, out var known))
        {
            return known.Problem is null || dueDateSet ? known : (null, null);
        }

        return (null, !dueDateSet ? null
            : source is null
                ? "submission time unknown: give the collection times with --times <file> to compute lateness"
            : $"submission time unknown: {Path.GetFileName(source)} has no line for this student; " +
              "lateness was not computed");
    }
}
