using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Release.Steps;

namespace Grading.Tests;

public class ReleaseStepsTests
{
    private static Notebook Circles() => Notebook.Load(Fixture.CirclesNotebook);

    [Fact]
    public void ASolutionRegionInAMarkdownAnswer_WhenCleared_TheTextStubTakesItsPlaceAtItsIndentation()
    {
        var notebook = new ClearSolutions().Process(Circles(), new StepContext());
        Assert.Equal("Why does the area grow quadratically?\n\n  YOUR ANSWER HERE", notebook.Cells[4].Source);
        Assert.Equal("static class Geometry\n{\n    public static double Area(double r)\n    {\n" +
                     "        // YOUR CODE HERE\n        throw new NotImplementedException();\n    }\n}",
            notebook.Cells[2].Source);
        Assert.Equal("// YOUR CODE HERE\nthrow new NotImplementedException();", notebook.Cells[6].Source);
    }

    [Fact]
    public void AnUnterminatedRegion_WhenCleared_TheErrorNamesNotebookCellGradeIdAndLine()
    {
        var notebook = Circles();
        notebook.Cells[3].Source = "a();\nb();\n// BEGIN HIDDEN TESTS\nsecret();";
        var error = Assert.Throws<RegionException>(() =>
            new ClearRegion(RegionKind.HiddenTests).Process(notebook, new StepContext()));
        Assert.Equal($"{Fixture.CirclesNotebook}: cell 3 (area_tests), line 3: 'BEGIN HIDDEN TESTS' is never " +
                     "closed with 'END HIDDEN TESTS'", error.Message);
    }

    [Fact]
    public void NestedSolutionRegions_WhenCleared_TheErrorNamesTheInnerLine()
    {
        var notebook = Circles();
        notebook.Cells[2].Source = "// BEGIN SOLUTION\nx();\n  // BEGIN SOLUTION\n// END SOLUTION";
        var error = Assert.Throws<RegionException>(() => new ClearSolutions().Process(notebook, new StepContext()));
        Assert.EndsWith(": cell 2 (area), line 3: 'BEGIN SOLUTION' inside the solution region opened on line 1: " +
                        "regions cannot nest", error.Message);
    }

    [Fact]
    public void ATaskWithAMarkScheme_WhenCleared_OnlyTheTaskTextRemains()
    {
        var notebook = new ClearRegion(RegionKind.MarkScheme).Process(Circles(), new StepContext());
        Assert.Equal("**Task:** plot the area for r = 1…5.", notebook.Cells[5].Source);
    }

    [Fact]
    public void EveryCellKind_WhenLocked_FlagsFollowNbgradersLockCells()
    {
        var notebook = new LockCells().Process(Circles(), new StepContext());
        string Flags(int cell) => $"{notebook.Cells[cell].Metadata["editable"]?.ToJsonString() ?? "-"}/" +
                                  $"{notebook.Cells[cell].Metadata["deletable"]?.ToJsonString() ?? "-"}";
        // markdown title, read-only set-up, answer, tests, manual markdown, task, manual code: editable/deletable.
        Assert.Equal(["-/-", "false/false", "-/false", "false/false", "-/false", "false/false", "-/false"],
            Enumerable.Range(0, notebook.Cells.Count).Select(Flags));
    }
}
