using Grading.Notebooks;

namespace Grading.Tests;

public class NotebookCellTests
{
    [Fact]
    public void TheFixture_WhenRead_TheTypedAccessorsSeeTheJson()
    {
        var notebook = Notebook.Load(Fixture.CirclesNotebook);
        Assert.Equal((4, 5), (notebook.NbFormat, notebook.NbFormatMinor));
        var setup = notebook.Cells[1];
        Assert.Equal(
            ("b2c3d4e5", "code", 0, (int?)null),
            (setup.Id, setup.CellType, setup.Outputs!.Count, setup.ExecutionCount));
        Assert.Null(notebook.Cells[0].Outputs);
    }

    [Fact]
    public void AnExecutionCount_WhenSetAndCleared_TheJsonFollows()
    {
        var cell = Notebook.Load(Fixture.CirclesNotebook).Cells[1];
        cell.ExecutionCount = 7;
        Assert.Equal(7, cell.Json["execution_count"]!.GetValue<int>());
        cell.ClearOutputs();
        Assert.Null(cell.ExecutionCount);
        Assert.True(cell.Json.ContainsKey("execution_count")); // written as null, as nbformat requires, not dropped
    }

    [Fact]
    public void SourceEndingWithANewline_WhenSet_TheLastLineKeepsIt()
    {
        var cell = Notebook.Load(Fixture.CirclesNotebook).Cells[1];
        cell.Source = "a\n";
        Assert.Equal("[\"a\\n\"]", cell.Json["source"]!.ToJsonString());
        cell.Source = "";
        Assert.Equal("[]", cell.Json["source"]!.ToJsonString());
    }
}
