using System.Text.Json.Nodes;
using Grading.Autograde.Sanitize;
using Grading.Gradebook;
using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Policy;
using Grading.Running.Isolation;

namespace Grading.Autograde;

/// <summary>
/// Grades one student's notebook: sanitize against the source, execute in a fresh worker (sandboxed when possible),
/// score from what the worker observed, and return the grade with the executed notebook.
/// </summary>
internal sealed class NotebookGrader(WorkerLimits limits, bool sandboxed, string? libraryDll)
{
    private readonly PolicyGate gate = new();

    public async Task<(NotebookGrade Grade, Notebook? Executed)> GradeAsync(
        AssignmentSource source,
        Submission submission,
        CancellationToken cancellationToken)
    {
        if (submission.Path is null)
        {
            return (
                Failed(source, submission, "", $"No submission of {source.Name}.ipynb was found.", "Not submitted."),
                null);
        }

        if (submission.Problem is not null || submission.Content is null)
        {
            return (
                Failed(
                    source,
                    submission,
                    "",
                    $"The submission was refused: {submission.Problem}",
                    "Your notebook file could not be read (see the note)."),
                null);
        }

        var hash = submission.Hash;
        Notebook notebook;
        try
        {
            notebook = Notebook.Parse(System.Text.Encoding.UTF8.GetString(submission.Content), submission.Path);
        }
        catch (NotebookFormatException e)
        {
            return (
                Failed(
                    source,
                    submission,
                    hash,
                    $"The notebook could not be read: {e.Message}",
                    "Your notebook file could not be read (see the note)."),
                null);
        }

        var context = new StepContext();
        var sanitized = SanitizePipeline.Create(source).Run(notebook, context);
        var cells = sanitized.Cells
            .Select((cell, index) => (cell, index))
            .Where(p => p.cell.IsCode)
            .Select(p => (p.index, p.cell.Source))
            .ToList();
        WorkerRun run;
        IReadOnlyDictionary<int, WorkerCellReport> refused;
        using (var scratch = WorkerScratch.Create(libraryDll, source.SupportFiles))
        {
            // Reviewed where the worker will run it, so #r resolves to the same library; refused cells never reach the
            // worker.
            var reviewed = new ReviewedChain();
            refused = gate.Review(source, sanitized, scratch.Notebooks, accepted: reviewed);
            var allowed = cells.Where(c => !refused.ContainsKey(c.index)).ToList();
            // The worker runs the cells as reviewed, compiled here in this warm process: no compiler starts cold in
            // each worker, and what runs is exactly what the review saw.
            var compiled = reviewed.Precompilable
                ? new CompiledCells(reviewed, scratch.Notebooks, scratch.Root)
                : null;
            run = await new WorkerClient(limits, sandboxed)
                .RunAsync(scratch, SetUpFirst.Order(source, sanitized, allowed), cancellationToken, compiled);
            refused = refused
                .Concat(gate.RecheckAfterTimeouts(source, sanitized, scratch.Notebooks, run.Cells))
                .ToDictionary();
        }

        var reports = run.Cells
            .Where(r => !refused.ContainsKey(r.Index))
            .Concat(refused.Values)
            .ToDictionary(r => r.Index);
        var count = 0;
        foreach (var (index, _) in cells)
        {
            sanitized.Cells[index].Json["outputs"] = reports[index].Outputs.DeepClone();
            sanitized.Cells[index].Json["execution_count"] = ++count;
        }

        var notes = context.Notes.Select(n => n.Note).ToList();
        notes.Add(new GradingNote(
            NoteKind.Run,
            null,
            $"ran in {run.Total.TotalSeconds:0.0} s ({run.StartUp.TotalSeconds:0.0} s start-up), " +
            $"isolation: {run.Sandbox}"));
        if (run.Death is not null)
        {
            notes.Add(new GradingNote(NoteKind.WorkerDeath, null, run.Death));
        }

        var grades = HiddenCheckDetail.Mark(
            source,
            Scorer.Score(source, sanitized, reports, notes),
            reports,
            sanitized);
        var grade = new NotebookGrade(
            submission.Student,
            source.Name,
            hash,
            source.Hash,
            submission.Timestamp,
            LatePenalty: 0,
            grades,
            notes,
            Error: null);
        return (grade, sanitized);
    }

    private static NotebookGrade Failed(
        AssignmentSource source,
        Submission submission,
        string hash,
        string error,
        string reason) =>
        FailedGrade.For(source, submission with { Hash = hash }, error, reason);
}
