using Grading.Notebooks;

namespace Grading.Gradebook;

/// <summary>The grade of one graded cell of one student's notebook.</summary>
/// <param name="GradeId">The cell's nbgrader grade_id.</param>
/// <param name="Kind">What the cell is: tests (autograded), a manual answer (read by a person) or a task.</param>
/// <param name="AutoScore">What the grader gave; null for a manual cell still waiting for a person.</param>
/// <param name="ManualScore">What an instructor gave with <c>manual import</c>; it wins over
/// <paramref name="AutoScore"/>.</param>
/// <param name="MaxScore">The cell's points.</param>
/// <param name="Status">Where the cell stands (see <see cref="GradeStatus"/>).</param>
/// <param name="Reason">Why points were lost (or null when none were): a message the student can act on.</param>
/// <param name="Comment">The instructor's comment from a manual grade.</param>
/// <param name="TamperNotes">What sanitizing had to restore in this cell before grading.</param>
internal sealed record CellGrade(string GradeId, CellKind Kind, double? AutoScore, double? ManualScore, double MaxScore,
    GradeStatus Status, string? Reason, string? Comment, IReadOnlyList<string> TamperNotes)
{
    /// <summary>The score that counts: the manual one when set, then the automatic one, else 0.</summary>
    public double Score => ManualScore ?? AutoScore ?? 0;

    /// <summary>
    /// The reason as a student may see it: for a test cell whose failure came from a hidden check (its message can hold
    /// the hidden inputs and expected values), a general sentence instead. Null when <see cref="Reason"/> is.
    /// </summary>
    public string? StudentReason { get; init; }

    /// <summary>True while a person still has to grade this cell.</summary>
    public bool NeedsManualGrade => Kind != CellKind.Tests && ManualScore is null && AutoScore is null;
}
