using Grading.Policy;
using NotebookEngine.Analysis;

namespace Grading.Running.Isolation;

/// <summary>
/// What a precompiled worker runs, cell by cell: the cells as the review compiled them while the run follows the
/// reviewed chain, and, once a cell's declarations are lost (it timed out), the rest compiled here on the chain that
/// really ran, as a compiling session would have compiled them. The worker never compiles.
/// </summary>
internal sealed class CompiledCells
{
    private readonly ReviewedChain reviewed;
    private readonly string workingDirectory;
    private readonly string scratchRoot;
    private CompiledCell? lastKept;
    private ScriptChain? afterLoss;
    private (int Index, CompiledCell Cell)? pending;

    /// <summary>Cells from <paramref name="reviewed"/>; library paths under <paramref name="scratchRoot"/> are sent
    /// relative to <paramref name="workingDirectory"/>, which the worker sees under another path in its
    /// sandbox.</summary>
    public CompiledCells(ReviewedChain reviewed, string workingDirectory, string scratchRoot)
    {
        this.reviewed = reviewed;
        this.workingDirectory = Path.GetFullPath(workingDirectory);
        this.scratchRoot = Path.GetFullPath(scratchRoot);
    }

    /// <summary>The chain's hidden first submission, for the worker's header.</summary>
    public PrecompiledCell KernelHelpers => Rebased(reviewed.KernelHelpers);

    /// <summary>Cell <paramref name="index"/> compiled on the chain that ran so far; null when nothing of it is
    /// C#.</summary>
    public PrecompiledCell? For(int index, string source)
    {
        if (afterLoss is null && reviewed[index] is { } asReviewed)
        {
            return asReviewed.Emit() is { } emitted ? Rebased(emitted) : null;
        }

        var chain = afterLoss ??= reviewed.ContinueAfter(lastKept);
        var compiled = chain.Compile(source);
        pending = (index, compiled);
        return compiled.Emit() is { } cell ? Rebased(cell) : null;
    }

    /// <summary>
    /// Cell <paramref name="index"/> ended as <paramref name="status"/>: a cell that ran (even one that threw) stays in
    /// the chain, a timed-out one does not, and from then on later cells are compiled here without it.
    /// </summary>
    public void Ran(int index, WorkerCellStatus status)
    {
        var compiledHere = pending is { } last && last.Index == index ? last.Cell : null;
        pending = null;
        if (status == WorkerCellStatus.TimedOut)
        {
            // Later cells must not see this one: they are compiled on a chain that goes on from the last kept cell,
            // against the very assemblies the worker already runs.
            afterLoss ??= reviewed.ContinueAfter(lastKept);
            return;
        }

        if (afterLoss is null)
        {
            lastKept = reviewed[index] ?? lastKept;
        }
        else if (compiledHere is not null)
        {
            afterLoss.Append(compiledHere);
        }
    }

    private PrecompiledCell Rebased(PrecompiledCell cell) => cell with
    {
        References = cell.References.Select(path =>
            Path.GetFullPath(path).StartsWith(scratchRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                ? Path.GetRelativePath(workingDirectory, path)
                : path).ToList(),
    };
}
