using Grading.Notebooks;
using Grading.Policy;
using NotebookEngine;

namespace Grading.Cli;

/// <summary>
/// <c>validate</c>'s early warning: the cells autograde will refuse under the assignment's code policy, printed with
/// the API and line, and not run here either, so the student sees the score autograde will give.
/// </summary>
internal static class StudentPolicy
{
    public static IReadOnlyDictionary<int, CellResult> Refusals(Notebook notebook, string directory, Terminal terminal)
    {
        ApiPolicy policy;
        try
        {
            policy = ApiPolicy.For(notebook);
        }
        catch (PolicyFormatException e)
        {
            terminal.Error.WriteLine(
                $"warning: the notebook's code policy cannot be read ({e.Message}); the course default is used.");
            policy = new ApiPolicy(CoursePolicy.Rules);
        }

        if (notebook.Cells.Any(cell => cell.IsCode && cell.Source.Contains("TensorLab.dll", StringComparison.Ordinal)))
        {
            LibraryBuild.EnsureBuilt(directory);
        }

        // The student's copy has no instructor source: locked cells are the ones the release locked.
        var cells = notebook.Cells.Select((cell, index) => (cell, index)).Where(p => p.cell.IsCode)
            .Select(p => new ReviewCell(p.index, p.cell.Source, InstructorBindings.LockedId(p.cell))).ToList();
        var refused = new Dictionary<int, CellResult>();
        var blocked = NotebookReview.Run(cells, policy, directory, instructor: null)
            .Where(r => r.Value.Kind == RefusalKind.Blocked);
        foreach (var (index, refusal) in blocked)
        {
            terminal.Error.WriteLine($"cell {index}: {refusal.Detail}");
            refused[index] = new CellResult(CellStatus.RuntimeError, [ErrorOutput.From(refusal.Detail)], TimeSpan.Zero)
            {
                Failure = new CellFailure(CellStatus.RuntimeError, refusal.Reason, null),
            };
        }

        return refused;
    }
}
