using Grading.Pipelines;

namespace Grading.Gradebook;

/// <summary>One student's graded notebook: every graded cell, the penalty, and what the grader did to get
/// there.</summary>
/// <param name="Student">The student id (the submission folder's name).</param>
/// <param name="Notebook">The notebook's file name without extension.</param>
/// <param name="SubmissionHash">SHA-256 of the submitted file: a re-run skips an unchanged submission.</param>
/// <param name="SourceHash">SHA-256 of the instructor source the grade was computed against.</param>
/// <param name="Timestamp">When the student submitted (from timestamp.txt), if known.</param>
/// <param name="LatePenalty">Points taken for lateness (clipped to the raw score).</param>
/// <param name="Cells">The graded cells, in notebook order.</param>
/// <param name="Notes">What sanitizing changed and how the notebook ran (sandbox, worker death), for the
/// instructor.</param>
/// <param name="Error">When the notebook could not be graded at all (malformed file…), why, and what to do.</param>
internal sealed record NotebookGrade(string Student, string Notebook, string SubmissionHash, string SourceHash,
    DateTimeOffset? Timestamp, double LatePenalty, IReadOnlyList<CellGrade> Cells, IReadOnlyList<GradingNote> Notes,
    string? Error)
{
    /// <summary>The sum of the cells' scores, before any late penalty.</summary>
    public double RawScore => Cells.Sum(cell => cell.Score);

    /// <summary>The score after the late penalty, never below 0.</summary>
    public double Score => Math.Max(0, RawScore - LatePenalty);

    /// <summary>Points available in this notebook.</summary>
    public double MaxScore => Cells.Sum(cell => cell.MaxScore);
}
