using Grading.Notebooks;
using NotebookEngine.Analysis;

namespace Grading.Policy;

/// <summary>What every locked code cell means when the instructor's solution runs, by grade id (the reference for the
/// locked-cell check).</summary>
internal static class InstructorBindings
{
    /// <summary>
    /// Compiles <paramref name="source"/> in solution order in <paramref name="workingDirectory"/> and records each
    /// locked cell's bindings. Pass the source after the same text rewrites the student's notebook gets, so the cells
    /// align.
    /// </summary>
    public static IReadOnlyDictionary<string, LockedMeaning> Compute(Notebook source, string workingDirectory)
    {
        var result = new Dictionary<string, LockedMeaning>();
        var chain = ScriptChain.Start(workingDirectory);
        var scopes = new ChainScopes(chain);
        for (var index = 0; index < source.Cells.Count; index++)
        {
            var cell = source.Cells[index];
            if (!cell.IsCode)
            {
                continue;
            }

            var compiled = chain.Compile(cell.Source);
            var lockedId = LockedId(cell);
            if (compiled.Model is { } model)
            {
                scopes.Add(compiled, lockedId is null
                    ? new DeclarationScope(DeclarationScope.Student, index)
                    : new DeclarationScope("cell:" + lockedId, index));
                if (lockedId is not null)
                {
                    result[lockedId] = new LockedMeaning(
                        BindingWalker.Of(model, scopes.Keys),
                        compiled.Compiles ? CompiledMeaning.Of(compiled.Emit(), scopes.OfAssembly) : null);
                }
            }

            chain.Append(compiled);
        }

        return result;
    }

    /// <summary>The grade id of a cell the grader restores from the source (locked, with a grade id); null for cells a
    /// student writes.</summary>
    public static string? LockedId(NotebookCell cell) => cell.Nbgrader is { Locked: true, GradeId: { } id } ? id : null;
}
