using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Release.Steps;

/// <summary>Empties every code cell's outputs and execution count.</summary>
internal sealed class ClearOutputs : INotebookStep
{
    public Notebook Process(Notebook notebook, StepContext context)
    {
        foreach (var cell in notebook.Cells)
        {
            cell.ClearOutputs();
        }

        return notebook;
    }
}
