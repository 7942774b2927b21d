using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Release.Steps;

/// <summary>Removes a region kind (hidden tests, mark schemes) from every cell, marker lines included.</summary>
internal sealed class ClearRegion(RegionKind kind) : INotebookStep
{
    public string Name => $"clear {kind.Name}";

    public Notebook Process(Notebook notebook, StepContext context)
    {
        foreach (var cell in notebook.Cells.Where(c => Regions.Contains(c.Source, kind)))
        {
            cell.Source = Regions.Replace(cell.Source, kind, null).TrimEnd('\n');
            context.Count(kind.Name);
        }

        return notebook;
    }
}
