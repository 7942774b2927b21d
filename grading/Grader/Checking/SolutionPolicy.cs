using Grading.Notebooks;
using Grading.Policy;
using NotebookEngine;

namespace Grading.Checking;

/// <summary>
/// The instructor's own solution must pass the code policy it imposes: every cell a student can write (answer cells and
/// unlocked cells) is reviewed as autograde will review the student's, so a course never asks for what it refuses.
/// </summary>
internal static class SolutionPolicy
{
    public static IReadOnlyList<Problem> Check(Notebook notebook, string displayPath, string notebookDirectory)
    {
        ApiPolicy policy;
        try
        {
            policy = ApiPolicy.For(notebook);
        }
        catch (PolicyFormatException e)
        {
            return [new Problem(Severity.Error, displayPath, null, null, null, e.Message)];
        }

        if (notebook.Cells.Any(cell => cell.IsCode && cell.Source.Contains("TensorLab.dll", StringComparison.Ordinal)))
        {
            LibraryBuild.EnsureBuilt(notebookDirectory);
        }

        var cells = notebook.Cells.Select((cell, index) => (cell, index)).Where(p => p.cell.IsCode)
            .Select(p => new ReviewCell(p.index, p.cell.Source, InstructorBindings.LockedId(p.cell))).ToList();
        var problems = new List<Problem>();
        foreach (var (index, refusal) in NotebookReview.Run(cells, policy, notebookDirectory, instructor: null))
        {
            var cell = notebook.Cells[index];
            if (refusal.Kind == RefusalKind.Blocked)
            {
                problems.Add(new Problem(Severity.Error, displayPath, index, cell.GradeId, null,
                    "this cell can be written by students and breaks the code policy, so theirs would not run: " +
                    string.Join(
                        "; ",
                        refusal.Detail
                            .Split('\n')
                            .Where(line => line.StartsWith("  line", StringComparison.Ordinal))
                            .Select(line => line.Trim())) +
                    $" (allow it in metadata.{ApiPolicy.MetadataKey}.allow, or lock the cell)"));
            }
            else if (InstructorBindings.LockedId(cell) is null)
            {
                problems.Add(new Problem(Severity.Warning, displayPath, index, cell.GradeId, null,
                    $"does not compile here, so the code policy could not check it fully: {refusal.Reason}"));
            }
        }

        return problems;
    }
}
