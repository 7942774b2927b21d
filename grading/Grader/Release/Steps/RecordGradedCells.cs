using System.Text.Json.Nodes;
using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Release.Steps;

/// <summary>
/// Lists the graded cells in the notebook's metadata, so <c>validate</c> can tell a student a graded cell went missing.
/// </summary>
internal sealed class RecordGradedCells : INotebookStep
{
    public const string MetadataKey = "course";

    public Notebook Process(Notebook notebook, StepContext context)
    {
        var graded = new JsonArray();
        foreach (var nb in notebook.Cells
            .Select(c => c.Nbgrader)
            .OfType<NbgraderMetadata>()
            .Where(nb => nb.Kind.IsGraded()))
        {
            graded.Add(new JsonObject
            {
                ["grade_id"] = nb.GradeId,
                ["points"] = nb.Points ?? 0,
                ["kind"] = nb.Kind.WireName(),
            });
            context.Count(ReleaseCount.GradedCells);
        }

        notebook.Metadata[MetadataKey] = new JsonObject { ["graded_cells"] = graded };
        return notebook;
    }
}
