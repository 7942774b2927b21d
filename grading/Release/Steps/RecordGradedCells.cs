using System.Text.Json.Nodes;
using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Release.Steps;

/// <summary>Lists the graded cells in the notebook's metadata, so <c>validate</c> can tell a student a graded cell went missing.</summary>
internal sealed class RecordGradedCells : INotebookStep
{
    public const string MetadataKey = "course";

    public string Name => "record graded cells";

    public Notebook Process(Notebook notebook, StepContext context)
    {
        var graded = new JsonArray();
        foreach (var cell in notebook.Cells.Where(c => c.Nbgrader is { Grade: true } or { Task: true }))
        {
            var nb = cell.Nbgrader!;
            graded.Add(new JsonObject { ["grade_id"] = nb.GradeId, ["points"] = nb.Points ?? 0, ["kind"] = nb.IsAutogradedTest ? "tests" : nb.IsTask ? "task" : "manual" });
            context.Count("graded cells");
        }

        notebook.Metadata[MetadataKey] = new JsonObject { ["graded_cells"] = graded };
        return notebook;
    }
}
