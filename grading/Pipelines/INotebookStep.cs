using Grading.Notebooks;

namespace Grading.Pipelines;

/// <summary>One small, pure transformation of a notebook; pipelines are declared lists of these (nbgrader's preprocessors).</summary>
internal interface INotebookStep
{
    /// <summary>The step's name, for reports.</summary>
    string Name { get; }

    /// <summary>Returns the transformed notebook; notes what it changed in <paramref name="context"/>.</summary>
    Notebook Process(Notebook notebook, StepContext context);
}

/// <summary>What steps share: where the notebook came from, and the notes they leave for the report.</summary>
internal sealed class StepContext(string notebookName)
{
    /// <summary>The notebook's file name without extension.</summary>
    public string NotebookName { get; } = notebookName;

    /// <summary>What the steps changed, in words, per cell index (-1 for the whole notebook).</summary>
    public List<(int Cell, string Note)> Notes { get; } = [];

    /// <summary>Counts per step, for summary tables.</summary>
    public Dictionary<string, int> Counts { get; } = [];

    public void Count(string what, int by = 1) => Counts[what] = Counts.GetValueOrDefault(what) + by;
}

/// <summary>Runs steps in their declared order.</summary>
internal sealed class NotebookPipeline(params INotebookStep[] steps)
{
    public IReadOnlyList<INotebookStep> Steps { get; } = steps;

    public Notebook Run(Notebook notebook, StepContext context) =>
        Steps.Aggregate(notebook, (current, step) => step.Process(current, context));
}
