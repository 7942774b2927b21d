using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Release.Steps;

/// <summary>
/// nbgrader's ClearSolutions: each solution region becomes the stub at the BEGIN line's indentation (the C# stub in
/// code cells, "YOUR ANSWER HERE" in markdown), and a solution cell without regions is replaced whole.
/// </summary>
internal sealed class ClearSolutions : INotebookStep
{
    public const string CodeComment = "// YOUR CODE HERE";
    public const string CodeThrow = "throw new NotImplementedException();";
    public const string TextStub = "YOUR ANSWER HERE";

    public Notebook Process(Notebook notebook, StepContext context)
    {
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (cell.Nbgrader is not { Solution: true })
            {
                continue;
            }

            Regions.EnsureBalanced(notebook, index, RegionKind.Solution);
            var source = cell.Source;
            cell.Source = Regions.Contains(source, RegionKind.Solution)
                ? Regions.Replace(
                    source,
                    RegionKind.Solution,
                    indent => cell.IsCode ? [indent + CodeComment, indent + CodeThrow] : [indent + TextStub])
                : cell.IsCode ? $"{CodeComment}\n{CodeThrow}" : TextStub;
            context.Count(ReleaseCount.Stubs);
        }

        return notebook;
    }
}
