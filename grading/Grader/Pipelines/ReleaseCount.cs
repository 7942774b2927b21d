namespace Grading.Pipelines;

/// <summary>What release steps count for the <c>release</c> summary table.</summary>
internal enum ReleaseCount
{
    /// <summary>Test, manual and task cells.</summary>
    GradedCells,

    /// <summary>Cells made uneditable.</summary>
    LockedCells,

    /// <summary>Solution regions replaced by a stub.</summary>
    Stubs,

    /// <summary>Cells hidden tests were removed from.</summary>
    HiddenTests,

    /// <summary>Cells mark schemes were removed from.</summary>
    MarkSchemes,
}
