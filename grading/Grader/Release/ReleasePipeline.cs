using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Release.Steps;

namespace Grading.Release;

/// <summary>
/// nbgrader's generate_assignment, in one declared order: the checksums are computed on the student copy.
/// </summary>
internal static class ReleasePipeline
{
    public static NotebookPipeline Create() => new(
        new ClearOutputs(),
        new LockCells(),
        new ClearSolutions(),
        new ClearRegion(RegionKind.HiddenTests),
        new ClearRegion(RegionKind.MarkScheme),
        new ComputeChecksums(),
        new RecordGradedCells());
}
