using Microsoft.CodeAnalysis;
using NotebookEngine.Analysis;

namespace Grading.Policy;

/// <summary>
/// Decides, before anything runs, which cells of a notebook must not run: a student cell that uses what the policy
/// does not allow, a locked cell whose names no longer mean what they mean in the instructor's run, and any cell that
/// does not compile in the chain as it will run (refused here, so nothing unchecked ever reaches the engine).
/// </summary>
internal static class NotebookReview
{
    /// <summary>The refused cells, by index; cells not listed may run.</summary>
    /// <param name="cells">The notebook's code cells in order.</param>
    /// <param name="policy">What student cells may use.</param>
    /// <param name="workingDirectory">The folder the notebook runs in (relative <c>#r</c> resolve there).</param>
    /// <param name="instructor">What each locked cell means in the instructor's run, by grade id; null to skip that
    /// check.</param>
    /// <param name="lost">Cells whose declarations the run lost (a timed-out cell): left out of the chain, as the
    /// session left them out.</param>
    /// <param name="accepted">When given, receives the chain as reviewed: every cell that may run, compiled in the
    /// chain it runs in, so a worker can run exactly what was reviewed.</param>
    public static IReadOnlyDictionary<int, CellRefusal> Run(
        IReadOnlyList<ReviewCell> cells,
        ApiPolicy policy,
        string workingDirectory,
        IReadOnlyDictionary<string, LockedMeaning>? instructor,
        IReadOnlySet<int>? lost = null,
        ReviewedChain? accepted = null)
    {
        var refused = new Dictionary<int, CellRefusal>();
        var chain = ScriptChain.Start(workingDirectory, emitCells: accepted is not null);
        accepted?.Begin(chain);
        var scopes = new ChainScopes(chain);
        CellRefusal? firstBlocked = null;
        foreach (var cell in cells.Where(c => lost?.Contains(c.Index) != true))
        {
            var compiled = chain.Compile(cell.Source);
            if (compiled.Tree is not null)
            {
                scopes.Add(compiled, cell.ByStudent
                    ? new DeclarationScope(DeclarationScope.Student, cell.Index)
                    : new DeclarationScope("cell:" + cell.LockedId, cell.Index));
            }

            // A student cell is judged even when it does not compile (what it names is still bound); a locked cell's
            // meaning is compared only once it compiles, else its compile errors are the reason.
            var refusal = cell.ByStudent ? PolicyRefusal(cell, compiled, policy)
                : compiled.Compiles ? MeaningRefusal(cell, compiled, scopes, instructor) : null;
            if (refusal is not null)
            {
                refused[cell.Index] = refusal;
                firstBlocked ??= cell.ByStudent ? refusal : null;
                continue;
            }

            if (!compiled.Compiles)
            {
                refused[cell.Index] = CompileRefusal(cell, compiled, firstBlocked);
            }
            else
            {
                accepted?.Add(cell.Index, compiled);
            }

            chain.Append(compiled);
        }

        return refused;
    }

    private static CellRefusal? PolicyRefusal(ReviewCell cell, CompiledCell compiled, ApiPolicy policy)
    {
        var violations = PolicyChecker.Check(compiled, policy);
        if (violations.Count == 0)
        {
            return null;
        }

        var reason = $"Not run: {violations[0]}"
            + (violations.Count > 1 ? $" (and {violations.Count - 1} more)" : "")
            + ". Remove it: student code may not use it.";
        var detail = "This cell was not run because it uses what this assignment's code policy does not allow:\n" +
                     string.Join("\n", violations.Select(v => "  " + v)) +
                     "\nRemove these uses and run `validate` again.";
        return new CellRefusal(cell.Index, RefusalKind.Blocked, reason, detail);
    }

    private static CellRefusal? MeaningRefusal(
        ReviewCell cell,
        CompiledCell compiled,
        ChainScopes scopes,
        IReadOnlyDictionary<string, LockedMeaning>? instructor)
    {
        if (instructor is null
            || compiled.Model is not { } model
            || !instructor.TryGetValue(cell.LockedId!, out var expected))
        {
            return null;
        }

        // The same compiled code runs the same way: nothing to compare (binding the cell's syntax again costs as much
        // as compiling it). Code that differs may still mean the same, so only then are the bindings compared.
        if (expected.Code is not null && expected.Code == CompiledMeaning.Of(compiled.Emit(), scopes.OfAssembly))
        {
            return null;
        }

        var difference = BindingComparer.FirstDifference(expected.Bindings, BindingWalker.Of(model, scopes.Keys));
        return difference is null ? null
            : new CellRefusal(
                cell.Index,
                RefusalKind.Blocked,
                "Not run: " + difference,
                $"The locked cell '{cell.LockedId}' was not run: {difference}");
    }

    private static CellRefusal CompileRefusal(ReviewCell cell, CompiledCell compiled, CellRefusal? firstBlocked)
    {
        var firstLine = compiled.ErrorText.Split('\n')[0].Trim();
        var kind = compiled.DirectiveError is null ? RefusalKind.CompilationError : RefusalKind.DirectiveError;
        var reason = kind == RefusalKind.CompilationError ? "Does not compile: " + firstLine : firstLine;
        if (firstBlocked is not null && !cell.ByStudent)
        {
            // A test usually fails to compile because the answer cell it needs was refused: say that first.
            var cause = firstBlocked.Reason
                .Replace("Not run: ", "", StringComparison.Ordinal)
                .Split(". Remove it", 2)[0];
            reason = $"Cell {firstBlocked.Index} was not run: {cause}. So this cell does not compile: {firstLine}";
        }

        return new CellRefusal(cell.Index, kind, reason, compiled.ErrorText);
    }
}
