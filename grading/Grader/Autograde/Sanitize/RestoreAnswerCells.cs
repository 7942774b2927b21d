using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Autograde.Sanitize;

/// <summary>
/// Answer cells keep the student's text but get the source's type and nbgrader metadata back (a markdown answer
/// turned into code, or metadata edited to look like another kind of cell). A deleted answer cell comes back as the
/// released stub so the tests after it run and fail with a clear message.
/// </summary>
internal sealed class RestoreAnswerCells(AssignmentSource source) : INotebookStep
{
    public Notebook Process(Notebook notebook, StepContext context)
    {
        foreach (var released in source.Released.Cells.Where(c => c.Nbgrader is { Solution: true }))
        {
            var id = released.GradeId!;
            var index = notebook.Cells.FindIndex(c => c.GradeId == id);
            if (index < 0)
            {
                var at = SourcePosition.InsertionPoint(
                    source.Released,
                    source.Released.Cells.IndexOf(released),
                    notebook);
                notebook.Cells.Insert(at, new NotebookCell(released.Json.DeepClone().AsObject()));
                context.Notes.Add((-1, new GradingNote(
                    NoteKind.Tamper,
                    id,
                    $"the answer cell '{id}' was deleted; the empty stub was put back")));
                continue;
            }

            var cell = notebook.Cells[index];
            if (cell.CellType != released.CellType)
            {
                context.Notes.Add((index, new GradingNote(
                    NoteKind.Tamper,
                    id,
                    $"the answer cell '{id}' was changed from {released.CellType} to {cell.CellType}; " +
                    "its type was restored")));
                cell.CellType = released.CellType;
                if (!cell.IsCode)
                {
                    cell.Json.Remove("outputs");
                    cell.Json.Remove("execution_count");
                }
                else
                {
                    cell.ClearOutputs();
                }
            }

            cell.Metadata["nbgrader"] = released.Metadata["nbgrader"]!.DeepClone();
        }

        return notebook;
    }
}
