using Grading.Pipelines;
using Grading.Release.Steps;

namespace Grading.Autograde.Sanitize;

/// <summary>
/// The order matters and is fixed here: clear what the student's run left, settle duplicates before cells are
/// matched by grade id, restore locked cells (and hidden tests) before the test helpers are qualified.
/// </summary>
internal static class SanitizePipeline
{
    public static NotebookPipeline Create(AssignmentSource source) => new(
        new ClearOutputs(),
        new DeduplicateGradeIds(),
        new RestoreNotebookMetadata(source),
        new RestoreLockedCells(source),
        new RestoreAnswerCells(source),
        new ImmunizeTestHelpers());
}
