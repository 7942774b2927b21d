using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Release.Steps;

/// <summary>Removes a region kind (hidden tests, mark schemes) from every cell, marker lines included.</summary>
internal sealed class ClearRegion(RegionKind kind) : INotebookStep
{
    public Notebook Process(Notebook notebook, StepContext context)
    {
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (!Regions.Contains(cell.Source, kind))
            {
                continue;
            }

            Regions.EnsureBalanced(notebook, index, kind);
            cell.Source = Regions.Replace(cell.Source, kind, null).TrimEnd('\n');
            context.Count(kind.Removed);
        }

        return notebook;
    }
}
