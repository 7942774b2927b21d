namespace Grading.Policy;

/// <summary>One code cell as the review sees it: its text, and whether the student wrote it or it is the
/// instructor's.</summary>
/// <param name="Index">The cell's index in the notebook.</param>
/// <param name="Source">The cell's source.</param>
/// <param name="LockedId">The grade id of a locked cell restored from the instructor's source; null for a cell the
/// student can write.</param>
internal sealed record ReviewCell(int Index, string Source, string? LockedId)
{
    /// <summary>True for answer cells and any cell the student added or could edit: everything the instructor's source
    /// does not restore.</summary>
    public bool ByStudent => LockedId is null;
}
