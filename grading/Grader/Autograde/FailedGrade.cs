using Grading.Gradebook;
using Grading.Notebooks;

namespace Grading.Autograde;

/// <summary>
/// The grade of a submission that could not be graded (unreadable, refused, or the grader failed on it): every graded
/// cell of the source at 0 of its points with the reason, so the notebook keeps its maximum and never drops out of a
/// percentage as 0/0.
/// </summary>
internal static class FailedGrade
{
    /// <summary>The failed grade; <paramref name="error"/> is the instructor's detail, <paramref name="reason"/> what
    /// each cell says.</summary>
    public static NotebookGrade For(AssignmentSource source, Submission submission, string error, string reason)
    {
        var cells = source.Source.Cells.Where(c => c.Kind().IsGraded())
            .Select(c => new CellGrade(
                c.GradeId!,
                c.Kind(),
                AutoScore: 0,
                ManualScore: null,
                MaxScore: c.Nbgrader!.Points ?? 0,
                GradeStatus.Failed,
                reason,
                Comment: null,
                TamperNotes: []))
            .ToList();
        return new NotebookGrade(
            submission.Student,
            source.Name,
            submission.Hash,
            source.Hash,
            submission.Timestamp,
            LatePenalty: 0,
            cells,
            Notes: [],
            error);
    }
}
