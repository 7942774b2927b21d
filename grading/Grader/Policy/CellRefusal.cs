namespace Grading.Policy;

/// <summary>A cell the grader does not run, and why.</summary>
/// <param name="Index">The cell's index in the notebook.</param>
/// <param name="Kind">Refused by the policy or the locked-cell check, or failed to compile or in a directive.</param>
/// <param name="Reason">One line a student can act on.</param>
/// <param name="Detail">The full text for the cell's error output (all compile errors), or the reason again.</param>
internal sealed record CellRefusal(int Index, RefusalKind Kind, string Reason, string Detail);
