namespace Grading.Autograde;

/// <summary>One student's copy of one notebook (or its absence), and when the student submitted.</summary>
/// <param name="Student">The student id: the submission folder's name.</param>
/// <param name="Notebook">The source notebook's name it answers.</param>
/// <param name="Path">The submitted file, or null when the student did not submit it.</param>
/// <param name="Timestamp">When the student submitted, from the instructor's collection file; null when
/// unknown.</param>
/// <param name="Hash">SHA-256 of the submitted bytes ("" when absent or unreadable): the resume key, computed
/// once.</param>
/// <param name="Content">The submitted bytes, read once with <see cref="UntrustedFile"/>; null when absent or
/// refused.</param>
/// <param name="Problem">Why a file that is there could not be read (a link, a pipe, too large…), for the
/// grade.</param>
/// <param name="TimeProblem">Why the submission time is unknown although a due date is set, for the grade's
/// notes.</param>
internal sealed record Submission(string Student, string Notebook, string? Path, DateTimeOffset? Timestamp, string Hash,
    byte[]? Content = null, string? Problem = null, string? TimeProblem = null);
