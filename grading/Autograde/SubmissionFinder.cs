using System.Globalization;

namespace Grading.Autograde;

/// <summary>
/// Finds submissions: <c>&lt;dir&gt;/&lt;student&gt;/&lt;notebook&gt;.ipynb</c> with an optional timestamp.txt, or a GitHub
/// Classroom clone <c>&lt;dir&gt;/&lt;repo&gt;/notebooks/&lt;notebook&gt;.ipynb</c>.
/// </summary>
internal static class SubmissionFinder
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss.ffffff", "yyyy-MM-dd HH:mm:ss.ffffff zzz", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss zzz",
        "yyyy-MM-dd HH:mm:ss.ffffff 'UTC'", "yyyy-MM-dd HH:mm:ss 'UTC'",
    ];

    public static IReadOnlyList<string> Students(string submissions) =>
        Directory.EnumerateDirectories(submissions).Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('.')).Order(StringComparer.Ordinal).ToList();

    public static Submission Find(string submissions, string student, string notebook)
    {
        var folder = Path.Combine(submissions, student);
        var candidates = new[] { Path.Combine(folder, notebook + ".ipynb"), Path.Combine(folder, "notebooks", notebook + ".ipynb") };
        var path = candidates.FirstOrDefault(File.Exists);
        var hash = path is null ? "" : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        return new Submission(student, notebook, path, ReadTimestamp(folder), hash);
    }

    /// <summary>ISO 8601 or nbgrader's "2026-11-20 13:45:00.000000 UTC"; times without a zone are UTC.</summary>
    public static DateTimeOffset? ParseTimestamp(string text)
    {
        text = text.Trim();
        if (DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var nbgrader))
        {
            return nbgrader;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) ? iso : null;
    }

    private static DateTimeOffset? ReadTimestamp(string folder)
    {
        var file = Path.Combine(folder, "timestamp.txt");
        return File.Exists(file) ? ParseTimestamp(File.ReadAllText(file)) : null;
    }
}
