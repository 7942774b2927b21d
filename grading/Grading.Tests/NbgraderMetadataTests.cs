using System.Text.Json.Nodes;
using Grading.Notebooks;

namespace Grading.Tests;

public class NbgraderMetadataTests
{
    [Fact]
    public void ATaskCell_WhenRead_EveryFieldIsTyped()
    {
        var task = Notebook.Load(Fixture.CirclesNotebook).Cells[5].Nbgrader!;
        Assert.Equal(new NbgraderMetadata(false, false, true, true, "plot_task", 1, null, 3), task);
        Assert.Equal(CellKind.Task, task.Kind);
        Assert.Null(task.CellType);
    }

    [Fact]
    public void PointsSetFromCodeAsAnInteger_WhenRead_ThePointsAreKept()
    {
        var metadata = new JsonObject
        {
            ["nbgrader"] = new JsonObject { ["grade"] = true, ["points"] = 2, ["schema_version"] = 3 },
        };
        Assert.Equal(2, NbgraderMetadata.From(metadata)!.Points);
    }

    [Fact]
    public void UnchangedMetadata_WhenWrittenBack_TheNotebookIsByteIdentical()
    {
        var notebook = Notebook.Load(Fixture.CirclesNotebook);
        foreach (var cell in notebook.Cells.Where(c => c.Nbgrader is not null))
        {
            cell.Nbgrader!.WriteTo(cell.Metadata);
        }

        Assert.Equal(File.ReadAllText(Fixture.CirclesNotebook), notebook.Serialize());
    }

    [Fact]
    public void NewFields_WhenWritten_TheyAreSetAndNullOnesRemoved()
    {
        var cell = Notebook.Load(Fixture.CirclesNotebook).Cells[3];
        (cell.Nbgrader! with { Checksum = "0123456789abcdef0123456789abcdef", Points = null, CellType = "code" })
            .WriteTo(cell.Metadata);
        Assert.Equal("""{"grade":true,"grade_id":"area_tests","locked":true,"schema_version":3,"solution":false""" +
                     ""","checksum":"0123456789abcdef0123456789abcdef","cell_type":"code"}""",
            cell.Metadata["nbgrader"]!.ToJsonString());
    }

    [Fact]
    public void ACellWithoutNbgraderMetadata_WhenWritten_TheObjectIsCreated()
    {
        var metadata = new JsonObject();
        new NbgraderMetadata(false, false, true, false, "setup", null, null, 3).WriteTo(metadata);
        Assert.Equal("""{"nbgrader":{"schema_version":3,"grade":false,"solution":false,"locked":true""" +
                     ""","grade_id":"setup"}}""", metadata.ToJsonString());
    }
}
