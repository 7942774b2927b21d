using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Release.Steps;

/// <summary>Removes a region kind (hidden tests, mark schemes) from every cell, marker lines included.</summary>
internal sealed class ClearRegion(RegionKind kind) : INotebookStep
{
    public Notebook Process(Notebook notebook, StepContext context)
    {
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (!Regions.Contains(cell.Source, kind))
            {
                continue;
            }

            Regions.EnsureBalanced(notebook, index, kind);
            cell.Source = Regions.Replace(cell.Source, kind, null).TrimEnd('\n');
            context.Count(Counted(kind));
        }

        return notebook;
    }

    // What the release summary counts is a release concern, so the notebook-domain RegionKind does not carry it.
    private static ReleaseCount Counted(RegionKind kind) =>
        kind == RegionKind.HiddenTests ? ReleaseCount.HiddenTests
        : kind == RegionKind.MarkScheme ? ReleaseCount.MarkSchemes
        : throw new ArgumentOutOfRangeException(nameof(kind), kind.Name,
            "release removes only hidden tests and mark schemes whole");
}
