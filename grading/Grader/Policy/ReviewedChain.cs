using NotebookEngine.Analysis;

namespace Grading.Policy;

/// <summary>
/// The cells a review let through, compiled in the chain they run in (set-up cells first, refused cells left out),
/// with the chain's hidden first submission: what a worker runs instead of compiling the notebook again.
/// </summary>
internal sealed class ReviewedChain
{
    private readonly Dictionary<int, CompiledCell> cells = [];
    private ScriptChain? chain;

    /// <summary>The chain's hidden first submission (the kernel helpers), compiled.</summary>
    public PrecompiledCell KernelHelpers => (chain ?? throw new InvalidOperationException(
        "The review has not started this chain.")).EmitKernelHelpers();

    /// <summary>True when a worker can run every accepted cell from its compiled form (no cell lists the session's
    /// variables, which only a compiling session has).</summary>
    public bool Precompilable => chain is not null && cells.Values.All(c => !c.ListsVariables);

    /// <summary>The accepted cell at <paramref name="index"/>, compiled; null when the review refused it.</summary>
    public CompiledCell? this[int index] => cells.GetValueOrDefault(index);

    /// <summary>A chain going on from <paramref name="lastKept"/> (null: from the start), for cells compiled after a
    /// run lost one.</summary>
    public ScriptChain ContinueAfter(CompiledCell? lastKept) => (chain ?? throw new InvalidOperationException(
        "The review has not started this chain.")).ContinueAfter(lastKept);

    /// <summary>The review started compiling on <paramref name="reviewChain"/>.</summary>
    public void Begin(ScriptChain reviewChain) => chain = reviewChain;

    /// <summary>The review accepted cell <paramref name="index"/> as compiled.</summary>
    public void Add(int index, CompiledCell compiled) => cells[index] = compiled;
}
