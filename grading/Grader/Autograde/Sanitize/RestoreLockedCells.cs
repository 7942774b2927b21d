using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Autograde.Sanitize;

/// <summary>
/// Every locked cell (tests, set-up, questions) is taken from the instructor's source, which also brings back the
/// hidden tests. A cell that no longer matches its released checksum (<see cref="CellChecksum.MatchesRelease"/>, the
/// rule <c>validate</c> warns with) was edited: that is recorded as tampering. A deleted locked cell is put back after
/// the cell that preceded it in the source.
/// </summary>
internal sealed class RestoreLockedCells(AssignmentSource source) : INotebookStep
{
    public Notebook Process(Notebook notebook, StepContext context)
    {
        for (var s = 0; s < source.Source.Cells.Count; s++)
        {
            var original = source.Source.Cells[s];
            if (original.Nbgrader is not { Locked: true } nb || nb.GradeId is not { } id)
            {
                continue;
            }

            var restored = new NotebookCell(original.Json.DeepClone().AsObject());
            restored.ClearOutputs();
            var index = notebook.Cells.FindIndex(c => c.GradeId == id);
            if (index < 0)
            {
                notebook.Cells.Insert(SourcePosition.InsertionPoint(source.Source, s, notebook), restored);
                context.Notes.Add((-1, new GradingNote(
                    NoteKind.Tamper,
                    id,
                    $"the locked cell '{id}' was deleted; it was put back")));
                continue;
            }

            if (!CellChecksum.MatchesRelease(notebook.Cells[index], source.ReleasedChecksum(id)))
            {
                context.Notes.Add((index, new GradingNote(
                    NoteKind.Tamper,
                    id,
                    $"the locked cell '{id}' was modified; the original was restored before grading")));
            }

            notebook.Cells[index] = restored;
        }

        return notebook;
    }
}
