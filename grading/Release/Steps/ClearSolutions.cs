using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Release.Steps;

/// <summary>Replaces solution regions with the C# stub (or a whole unmarked solution cell with the stub).</summary>
internal sealed class ClearSolutions : INotebookStep
{
    public const string CodeComment = "// YOUR CODE HERE";
    public const string CodeThrow = "throw new NotImplementedException();";
    public const string TextStub = "YOUR ANSWER HERE";

    public string Name => "clear solutions";

    public Notebook Process(Notebook notebook, StepContext context)
    {
        foreach (var cell in notebook.Cells.Where(c => c.Nbgrader is { Solution: true }))
        {
            var source = cell.Source;
            cell.Source = Regions.Contains(source, RegionKind.Solution)
                ? Regions.Replace(source, RegionKind.Solution, indent => [indent + CodeComment, indent + CodeThrow])
                : cell.IsCode ? $"{CodeComment}\n{CodeThrow}" : TextStub;
            context.Count("stubs");
        }

        return notebook;
    }
}
