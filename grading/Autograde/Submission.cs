namespace Grading.Autograde;

/// <summary>One student's copy of one notebook (or its absence), and when the student submitted.</summary>
/// <param name="Student">The student id: the submission folder's name.</param>
/// <param name="Notebook">The source notebook's name it answers.</param>
/// <param name="Path">The submitted file, or null when the student did not submit it.</param>
/// <param name="Timestamp">From the student's timestamp.txt, if present and readable.</param>
/// <param name="Hash">SHA-256 of the submitted file ("" when absent): the resume key, computed once.</param>
internal sealed record Submission(string Student, string Notebook, string? Path, DateTimeOffset? Timestamp, string Hash);
