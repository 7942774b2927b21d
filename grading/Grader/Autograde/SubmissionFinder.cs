using System.Globalization;
using System.Security.Cryptography;

namespace Grading.Autograde;

/// <summary>
/// Finds submissions: <c>&lt;dir&gt;/&lt;student&gt;/&lt;notebook&gt;.ipynb</c>, or a GitHub Classroom clone
/// <c>&lt;dir&gt;/&lt;repo&gt;/notebooks/&lt;notebook&gt;.ipynb</c>, read as untrusted files. Submission times come
/// from the instructor's collection file (<see cref="SubmissionTimes"/>), never from a file in the student's own
/// folder.
/// </summary>
internal static class SubmissionFinder
{
    /// <summary>The largest notebook the grader reads; larger ones are refused before a byte is read.</summary>
    public const long MaxNotebookBytes = 32L << 20;

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss.ffffff",
        "yyyy-MM-dd HH:mm:ss.ffffff zzz",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss zzz",
        "yyyy-MM-dd HH:mm:ss.ffffff 'UTC'",
        "yyyy-MM-dd HH:mm:ss 'UTC'",
    ];

    public static IReadOnlyList<string> Students(string submissions) =>
        Directory.EnumerateDirectories(submissions).Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('.')).Order(StringComparer.Ordinal).ToList();

    /// <summary>The submission of <paramref name="notebook"/> by <paramref name="student"/>, its bytes read
    /// once.</summary>
    public static Submission Find(string submissions, string student, string notebook, SubmissionTimes times)
    {
        var folder = Path.Combine(submissions, student);
        var candidates = new[]
        {
            Path.Combine(folder, notebook + ".ipynb"),
            Path.Combine(folder, "notebooks", notebook + ".ipynb"),
        };
        var path = candidates.FirstOrDefault(UntrustedFile.Exists);
        var (timestamp, timeProblem) = times.For(student);
        if (path is null)
        {
            return new Submission(student, notebook, null, timestamp, "", TimeProblem: timeProblem);
        }

        var (content, problem) = UntrustedFile.Read(submissions, path, MaxNotebookBytes);
        var hash = content is null ? "" : Convert.ToHexStringLower(SHA256.HashData(content));
        return new Submission(student, notebook, path, timestamp, hash, content, problem, timeProblem);
    }

    /// <summary>ISO 8601 or nbgrader's "2026-11-20 13:45:00.000000 UTC"; times without a zone are UTC.</summary>
    public static DateTimeOffset? ParseTimestamp(string text)
    {
        text = text.Trim();
        if (DateTimeOffset.TryParseExact(
            text,
            TimestampFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var nbgrader))
        {
            return nbgrader;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso)
            ? iso
            : null;
    }
}
