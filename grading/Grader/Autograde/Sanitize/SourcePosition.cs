using Grading.Notebooks;

namespace Grading.Autograde.Sanitize;

/// <summary>
/// Where a cell missing from a submission goes back: right after the nearest earlier cell of the reference notebook
/// that the submission still has, else at the top. Cells match by grade id, or by nbformat cell id for cells without
/// one (the markdown instruction above an answer), so a restored cell lands below its instruction, not above it.
/// </summary>
internal static class SourcePosition
{
    /// <summary>The index in <paramref name="submission"/> at which the cell at <paramref name="referenceIndex"/> of
    /// <paramref name="reference"/> belongs.</summary>
    public static int InsertionPoint(Notebook reference, int referenceIndex, Notebook submission)
    {
        for (var s = referenceIndex - 1; s >= 0; s--)
        {
            var previous = reference.Cells[s];
            var at = previous.GradeId is { } gradeId ? submission.Cells.FindIndex(c => c.GradeId == gradeId)
                : previous.Id is { } id ? submission.Cells.FindIndex(c => c.GradeId is null && c.Id == id)
                : -1;
            if (at >= 0)
            {
                return at + 1;
            }
        }

        return 0;
    }
}
