using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Autograde.Sanitize;

/// <summary>
/// A student who copied a cell has two cells with one grade id; nbgrader then fails the whole submission (its issue
/// #1083). Keep the last copy (the one the student most likely worked on), drop the others, and say so.
/// </summary>
internal sealed class DeduplicateGradeIds : INotebookStep
{
    public Notebook Process(Notebook notebook, StepContext context)
    {
        var lastIndex = new Dictionary<string, int>();
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            if (notebook.Cells[i].GradeId is { } id)
            {
                lastIndex[id] = i;
            }
        }

        for (var i = notebook.Cells.Count - 1; i >= 0; i--)
        {
            if (notebook.Cells[i].GradeId is { } id && lastIndex[id] != i)
            {
                notebook.Cells.RemoveAt(i);
                context.Notes.Add((-1, new GradingNote(
                    NoteKind.Tamper,
                    id,
                    $"cell '{id}' appeared more than once: the last copy was graded, the earlier one dropped")));
            }
        }

        return notebook;
    }
}
