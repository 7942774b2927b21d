namespace Grading.Policy;

/// <summary>A cell the grader does not run, and why.</summary>
/// <param name="Index">The cell's index in the notebook.</param>
/// <param name="Status">"Blocked" (policy or meaning), "CompilationError" or "DirectiveError".</param>
/// <param name="Reason">One line a student can act on.</param>
/// <param name="Detail">The full text for the cell's error output (all compile errors), or the reason again.</param>
internal sealed record CellRefusal(int Index, string Status, string Reason, string Detail)
{
    /// <summary>The status of a cell refused by the code policy or the locked-cell check.</summary>
    public const string Blocked = "Blocked";
}
