using Grading.Notebooks;

namespace Grading.Tests;

public class NotebookTests
{
    [Fact]
    public void Serialize_OfAnUntouchedNotebookWrittenByJupyter_IsByteIdentical()
    {
        // tiny.ipynb was written by Python's nbformat (indent 1, ensure_ascii=False) and holds "→" and "θ".
        var original = File.ReadAllText(Fixture.TinyNotebook);
        Assert.Contains("θ", original);
        Assert.Equal(original, Notebook.Load(Fixture.TinyNotebook).Serialize());
    }

    [Fact]
    public void Source_SetterWritesJupytersListOfLines()
    {
        var notebook = Notebook.Load(Fixture.TinyNotebook);
        notebook.Cells[1].Source = "a\nb\n\nc";
        Assert.Equal("[\"a\\n\",\"b\\n\",\"\\n\",\"c\"]", notebook.Cells[1].Json["source"]!.ToJsonString());
        Assert.Equal("a\nb\n\nc", notebook.Cells[1].Source);
    }

    [Theory]
    [InlineData("{ not json", "x.ipynb: $: not valid JSON (line 1, byte 3)")]
    [InlineData("[1, 2]", "x.ipynb: $: expected a JSON object, found an array")]
    [InlineData("{\"nbformat\": 3, \"metadata\": {}, \"cells\": []}", "x.ipynb: $.nbformat: this is an nbformat 3 " +
                                                                      "notebook; the grader reads nbformat 4")]
    [InlineData("{\"nbformat\": 4, \"metadata\": {}}", "x.ipynb: $.cells: expected an array of cells, found null")]
    [InlineData(
        "{\"nbformat\": 4, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"source\": 5}]}",
        "x.ipynb: $.cells[0].source: expected a string or an array of strings, found a number")]
    [InlineData(
        "{\"nbformat\": 4, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"source\": [\"a\", 1]}]}",
        "x.ipynb: $.cells[0].source[1]: expected a string, found a number")]
    [InlineData(
        "{\"nbformat\": 4, \"metadata\": {}, \"cells\": [{\"source\": \"\"}]}",
        "x.ipynb: $.cells[0].cell_type: expected \"code\", \"markdown\" or \"raw\", found null")]
    public void Parse_OfMalformedInput_NamesTheFileAndTheJsonPath(string json, string expectedStart)
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(json, "x.ipynb"));
        Assert.StartsWith(expectedStart, error.Message);
    }

    [Fact]
    public void Source_AsASingleString_IsAccepted()
    {
        var notebook = Notebook.Parse(
            "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": " +
            "[{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"x\\ny\"}]}",
            "x.ipynb");
        Assert.Equal("x\ny", notebook.Cells[0].Source);
    }
}
