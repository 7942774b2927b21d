using Grading.Autograde;

namespace Grading.Tests;

/// <summary>Set-up cells run before any cell a student placed above them.</summary>
public class SetUpFirstTests
{
    [Fact]
    public void ACellAddedAboveTheSetUpCell_RunsAfterIt()
    {
        var tiny = AssignmentSource.Load(Fixture.TinyNotebook);
        var submitted = tiny.Source.Clone();
        var setUp = submitted.Cells.FindIndex(c => c.GradeId == "setup");
        var added = submitted.Cells[setUp + 1].Json.DeepClone().AsObject();
        added["metadata"] = new System.Text.Json.Nodes.JsonObject();
        submitted.Cells.Insert(setUp, new Grading.Notebooks.NotebookCell(added));
        var cells = submitted.Cells
            .Select((c, i) => (c, i))
            .Where(p => p.c.IsCode)
            .Select(p => (p.i, p.c.Source))
            .ToList();

        var order = SetUpFirst.Order(tiny, submitted, cells).Select(c => c.Index).ToList();

        Assert.Equal(["setup"], SetUpFirst.SetUpIds(tiny.Source));
        Assert.Equal(setUp + 1, order[0]);
        Assert.Equal(setUp, order[1]);
        Assert.Equal(cells.Count, order.Distinct().Count());
    }
}
