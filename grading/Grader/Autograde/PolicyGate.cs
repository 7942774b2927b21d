using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Grading.Autograde.Sanitize;
using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Policy;
using Grading.Running.Isolation;

namespace Grading.Autograde;

/// <summary>
/// The review every sanitized submission passes before its worker starts: student cells under the assignment's code
/// policy, locked cells against what they mean in the instructor's run (computed once per source, at grade time).
/// Refused cells never reach the worker; they are reported as failed cells with the reason.
/// </summary>
internal sealed class PolicyGate
{
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, LockedMeaning>>>
        instructor = new();

    /// <summary>The reports of the cells that must not run, by cell index.</summary>
    /// <param name="source">The assignment.</param>
    /// <param name="sanitized">The student's notebook after sanitizing (locked cells restored from the source).</param>
    /// <param name="workingDirectory">The folder the worker runs the notebook in, with the same library next to
    /// it.</param>
    /// <param name="lost">Cells whose declarations the run lost (timed out): reviewed again without them after the
    /// run.</param>
    /// <param name="accepted">When given, receives the cells that may run as the review compiled them.</param>
    public IReadOnlyDictionary<int, WorkerCellReport> Review(
        AssignmentSource source,
        Notebook sanitized,
        string workingDirectory,
        IReadOnlySet<int>? lost = null,
        ReviewedChain? accepted = null)
    {
        var policy = ApiPolicy.For(source.Source);
        var reference = instructor.GetOrAdd(
            source.Hash,
            _ => new Lazy<IReadOnlyDictionary<string, LockedMeaning>>(
                () => InstructorBindings.Compute(AsGraded(source), workingDirectory))).Value;
        var restored = source.Source.Cells.Select(InstructorBindings.LockedId).OfType<string>().ToHashSet();
        var cells = sanitized.Cells.Select((cell, index) => (cell, index)).Where(p => p.cell.IsCode)
            .Select(p => new ReviewCell(
                p.index,
                p.cell.Source,
                p.cell.GradeId is { } id && restored.Contains(id) ? id : null))
            .ToList();
        // Reviewed in the order the worker runs them: set-up cells first (a cell added above them sees the library).
        cells = SetUpFirst.Order(source, cells, c => c.LockedId);
        return NotebookReview.Run(cells, policy, workingDirectory, reference, lost, accepted)
            .ToDictionary(p => p.Key, p => Report(p.Value));
    }

    /// <summary>
    /// A timed-out cell's declarations are lost, so later cells ran against a chain the review before the run did not
    /// see (an earlier Math class is visible again, say). Locked cells that passed are reviewed again against the chain
    /// that really ran; one whose meaning changed does not count.
    /// </summary>
    public IReadOnlyDictionary<int, WorkerCellReport> RecheckAfterTimeouts(
        AssignmentSource source,
        Notebook sanitized,
        string workingDirectory,
        IReadOnlyCollection<WorkerCellReport> ran)
    {
        var lost = ran.Where(r => r.Status == WorkerCellStatus.TimedOut).Select(r => r.Index).ToHashSet();
        if (lost.Count == 0)
        {
            return new Dictionary<int, WorkerCellReport>();
        }

        var passed = ran.Where(r => r.Succeeded).Select(r => r.Index).ToHashSet();
        var restored = source.Source.Cells.Select(InstructorBindings.LockedId).OfType<string>().ToHashSet();
        return Review(source, sanitized, workingDirectory, lost)
            .Where(p => passed.Contains(p.Key) && sanitized.Cells[p.Key].GradeId is { } id && restored.Contains(id))
            .ToDictionary(p => p.Key, p => p.Value with
            {
                Failure = "Not counted: a cell of yours timed out and its declarations were lost, so "
                    + p.Value.Failure?.Replace("Not run: ", "", StringComparison.Ordinal),
            });
    }

    // The instructor's run, with the same rewrites of locked cells the student's notebook gets, so both texts align.
    private static Notebook AsGraded(AssignmentSource source) =>
        new ImmunizeTestHelpers().Process(source.Source.Clone(), new StepContext());

    private static WorkerCellReport Report(CellRefusal refusal) => new(
        refusal.Index,
        refusal.Kind switch
        {
            RefusalKind.Blocked => WorkerCellStatus.Blocked,
            RefusalKind.CompilationError => WorkerCellStatus.CompilationError,
            RefusalKind.DirectiveError => WorkerCellStatus.DirectiveError,
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Kind, "Unknown refusal."),
        },
        refusal.Reason,
        null,
        new JsonArray(new JsonObject
        {
            ["ename"] = "Error",
            ["evalue"] = refusal.Detail,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(
                refusal.Detail.Split('\n').Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
        }),
        TimeSpan.Zero);
}
