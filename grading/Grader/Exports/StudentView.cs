using Grading.Gradebook;
using Grading.Notebooks;

namespace Grading.Exports;

/// <summary>What a student is shown of a graded cell, in feedback and on grading platforms.</summary>
internal static class StudentView
{
    /// <summary>What a student reads when a hidden check failed.</summary>
    public const string HiddenFailure =
        "A hidden check in this cell failed; its inputs and expected values are not shown. " +
        "Test your code on more cases of your own (edge cases, negative and empty inputs).";

    /// <summary>
    /// The reason a student reads: the full one when the instructor turned hidden-check detail on, otherwise the
    /// student-safe one (a test cell graded before that existed shows the general hidden-check sentence).
    /// </summary>
    public static string? Reason(CellGrade cell, bool showHiddenDetail) =>
        showHiddenDetail || cell.Kind != CellKind.Tests || cell.Reason is null
            ? cell.Reason
            : cell.StudentReason ?? HiddenFailure;

    /// <summary>The cell's reason, comment and tamper notes as one line.</summary>
    public static string Advice(CellGrade cell, bool showHiddenDetail) =>
        string.Join(
            " ",
            new[] { Reason(cell, showHiddenDetail), cell.Comment }.OfType<string>().Concat(cell.TamperNotes));
}
