using Grading.Notebooks;

namespace Grading.Pipelines;

/// <summary>
/// One transformation of a notebook; pipelines are declared lists of these (nbgrader's preprocessors). A step may
/// change the notebook it is given and returns the notebook the next step gets.
/// </summary>
internal interface INotebookStep
{
    /// <summary>Returns the transformed notebook; notes what it changed in <paramref name="context"/>.</summary>
    Notebook Process(Notebook notebook, StepContext context);
}

/// <summary>What steps share: the notes and counts they leave for the report.</summary>
internal sealed class StepContext
{
    /// <summary>What the steps changed, per cell index (-1 for the whole notebook).</summary>
    public List<(int Cell, GradingNote Note)> Notes { get; } = [];

    /// <summary>Counts per step, for summary tables.</summary>
    public Dictionary<ReleaseCount, int> Counts { get; } = [];

    public void Count(ReleaseCount what, int by = 1) => Counts[what] = Counts.GetValueOrDefault(what) + by;
}

/// <summary>Runs steps in their declared order.</summary>
internal sealed class NotebookPipeline(params INotebookStep[] steps)
{
    public Notebook Run(Notebook notebook, StepContext context) =>
        steps.Aggregate(notebook, (current, step) => step.Process(current, context));
}
