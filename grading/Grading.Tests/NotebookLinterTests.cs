using System.Text.Json.Nodes;
using Grading.Checking;
using Grading.Notebooks;

namespace Grading.Tests;

public class NotebookLinterTests
{
    private static IEnumerable<string> Lint(Action<Notebook> breakIt)
    {
        var notebook = Notebook.Load(Fixture.CirclesNotebook);
        breakIt(notebook);
        return NotebookLinter.Lint(notebook, "circles.ipynb").Select(problem => problem.ToString());
    }

    [Fact]
    public void TheCirclesFixture_WhenLinted_ThereIsNoProblem() => Assert.Empty(Lint(_ => { }));

    [Fact]
    public void PolyglotMetadataThatIsOffOrMissing_WhenLinted_EachPartIsNamed()
    {
        var problems = Lint(notebook =>
        {
            notebook.Json["nbformat_minor"] = 4;
            notebook.Metadata["kernelspec"]!["display_name"] = "C#";
            notebook.Metadata.Remove("language_info");
            notebook.Metadata["polyglot_notebook"] = 3; // a wrong type is a problem, not a crash
        });
        Assert.Equal([
            "circles.ipynb: warning: nbformat_minor should be 5, found 4",
            "circles.ipynb: warning: metadata.kernelspec should be " +
            "{\"display_name\":\".NET (C#)\",\"language\":\"C#\",\"name\":\".net-csharp\"}",
            "circles.ipynb: error: metadata.language_info.name should be \"C#\" (the .net-csharp kernel's) or " +
            "\"polyglot-notebook\" (Polyglot Notebooks')",
            "circles.ipynb: error: metadata.polyglot_notebook.kernelInfo.defaultKernelName should be \"csharp\"",
        ], problems);
    }

    [Fact]
    public void ANotebookSavedByAJupyterClientWithTheKernel_WhenLinted_ThereIsNoProblem()
    {
        var problems = Lint(notebook =>
        {
            // What JupyterLab/nbclient leave: the kernel's language_info, and new cells without Polyglot's entries.
            notebook.Metadata["language_info"] = PolyglotMetadata.KernelLanguageInfo();
            notebook.Metadata.Remove("polyglot_notebook");
            foreach (var cell in notebook.Cells.Where(c => c.IsCode))
            {
                cell.Metadata.Remove("dotnet_interactive");
                cell.Metadata.Remove("polyglot_notebook");
            }
        });
        Assert.Empty(problems);
    }

    [Fact]
    public void CellKindsInTheWrongCellType_WhenLinted_NbgradersRulesAreApplied()
    {
        var problems = Lint(notebook =>
        {
            notebook.Cells[2].CellType = "markdown";   // autograded answer as markdown
            notebook.Cells[5].CellType = "code";       // task as code
            notebook.Cells[5].Metadata["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" };
            notebook.Cells[5].Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" };
            notebook.Cells[5].Json["outputs"] = new JsonArray();
        });
        Assert.Equal([
            "circles.ipynb: cell 2 (area): error: an autograded answer cell must be a code cell (a markdown answer " +
            "is a manually graded answer: grade and solution)",
            "circles.ipynb: cell 5 (plot_task): error: a task cell must be a markdown cell",
        ], problems);
    }

    [Fact]
    public void ARegionInTheWrongKindOfCell_WhenLinted_TheMarkerLineIsNamed()
    {
        var problems = Lint(notebook => notebook.Cells[3].Source += "\n// BEGIN SOLUTION\nx();\n// END SOLUTION");
        Assert.Equal(["circles.ipynb: cell 3 (area_tests), line 6: error: solution markers belong only in solution " +
                      "cells"], problems);
    }

    [Fact]
    public void GradedCellsWorthNothing_WhenLinted_Warns()
    {
        var problems = Lint(notebook =>
        {
            foreach (var cell in notebook.Cells.Where(c => c.Nbgrader is { Grade: true } or { Task: true }))
            {
                cell.Metadata["nbgrader"]!["points"] = 0;
            }
        });
        Assert.Equal(["circles.ipynb: warning: its graded cells are worth 0 points in total"], problems);
    }

    [Fact]
    public void ABadGradeIdAndSchemaAndNegativePoints_WhenLinted_EachIsAnError()
    {
        var problems = Lint(notebook =>
        {
            notebook.Cells[3].Metadata["nbgrader"]!["grade_id"] = "area tests";
            notebook.Cells[3].Metadata["nbgrader"]!["points"] = -1;
            notebook.Cells[2].Metadata["nbgrader"]!["schema_version"] = 2;
            notebook.Cells[6].Metadata["nbgrader"]!["locked"] = true;
        });
        Assert.Equal([
            "circles.ipynb: cell 2 (area): error: nbgrader schema_version should be 3, found 2",
            "circles.ipynb: cell 3 (area tests): error: grade_id 'area tests' may only contain letters, digits, " +
            "'_' and '-'",
            "circles.ipynb: cell 3 (area tests): error: points must be ≥ 0, found -1",
            "circles.ipynb: cell 6 (radii_manual): error: grade=True, solution=True, locked=True, task=False is " +
            "not a cell kind nbgrader knows (answer, tests, manual answer, task, read-only: see the dialect's table)",
        ], problems);
    }
}
