using System.Text.Json.Serialization;

namespace Grading.Pipelines;

/// <summary>What a note is about, so code finds notes by kind instead of by their wording.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoteKind>))]
internal enum NoteKind
{
    /// <summary>Sanitizing restored a graded or locked cell the student changed, deleted or duplicated.</summary>
    [JsonStringEnumMemberName("tamper")] Tamper,

    /// <summary>A student's cell declares a type named like a test helper; tests use the library's own.</summary>
    [JsonStringEnumMemberName("shadowing")] Shadowing,

    /// <summary>How long the notebook ran and how it was isolated (for the instructor; the class table hides
    /// it).</summary>
    [JsonStringEnumMemberName("run")] Run,

    /// <summary>Why the worker process died.</summary>
    [JsonStringEnumMemberName("worker-death")] WorkerDeath,

    /// <summary>The submission time is missing or unreadable although a due date is set.</summary>
    [JsonStringEnumMemberName("submission-time")] SubmissionTime,
}

/// <summary>A note the grader leaves on a graded notebook.</summary>
/// <param name="Kind">What the note is about.</param>
/// <param name="GradeId">The graded cell it concerns (a tamper note reaches that cell's grade by it), or null.</param>
/// <param name="Text">The note, in words for the instructor and student.</param>
internal sealed record GradingNote(NoteKind Kind, string? GradeId, string Text)
{
    /// <summary>The text, so a note reads as it always did in tables and logs.</summary>
    public override string ToString() => Text;
}
