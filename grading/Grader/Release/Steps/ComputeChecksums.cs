using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Release.Steps;

/// <summary>
/// Writes nbgrader's checksum and cell type into every graded, solution or locked cell, after stubbing.
/// </summary>
internal sealed class ComputeChecksums : INotebookStep
{
    public Notebook Process(Notebook notebook, StepContext context)
    {
        foreach (var cell in notebook.Cells
            .Where(c => c.Nbgrader is { Grade: true } or { Solution: true } or { Locked: true }))
        {
            var nbgrader = cell.Metadata["nbgrader"]!.AsObject();
            nbgrader["checksum"] = CellChecksum.Compute(cell);
            nbgrader["cell_type"] = cell.CellType;
        }

        return notebook;
    }
}
