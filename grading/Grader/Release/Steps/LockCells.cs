using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Release.Steps;

/// <summary>
/// nbgrader's LockCells: solution cells cannot be deleted; test and read-only cells can be neither edited nor deleted.
/// </summary>
internal sealed class LockCells : INotebookStep
{
    public Notebook Process(Notebook notebook, StepContext context)
    {
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Nbgrader)
            {
                case { Solution: true }:
                    cell.Metadata["deletable"] = false;
                    break;
                case { Grade: true } or { Locked: true }:
                    cell.Metadata["deletable"] = false;
                    cell.Metadata["editable"] = false;
                    context.Count(ReleaseCount.LockedCells);
                    break;
            }
        }

        return notebook;
    }
}
