using System.Text.Json.Nodes;
using Grading.Notebooks;

namespace Grading.Tests;

public class CheckCommandTests
{
    [Fact]
    public async Task AGoodNotebook_WhenChecked_NothingIsReportedAndItPasses()
    {
        var (code, output, error) = await Fixture.RunCliAsync("check", Fixture.TinyNotebook);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal("1 notebook checked: 0 errors, 0 warnings.\n", output);
    }

    [Fact]
    public async Task ABrokenNotebook_WhenChecked_EveryProblemIsPrintedWithItsPlace()
    {
        var notebook = Notebook.Load(Fixture.TinyNotebook);
        notebook.Cells[3].Metadata["nbgrader"]!["grade_id"] = "square";             // duplicate of the answer cell's id
        notebook.Cells[2].Source += "\n// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS"; // hidden tests in an answer cell
        notebook.Cells[4].Source = "// BEGIN HIDDEN TESTS\nx();";                   // never closed
        notebook.Cells[1].Json["execution_count"] = 3;                              // not clean
        notebook.Cells[6].Metadata["nbgrader"]!.AsObject().Remove("points");        // graded without points
        var path = Path.Combine(Fixture.TempFolder(), "broken.ipynb");
        notebook.Save(path);

        var (code, _, error) = await Fixture.RunCliAsync("check", path);

        Assert.Equal(1, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l[(l.IndexOf("broken.ipynb", StringComparison.Ordinal) + 12)..])
            .ToArray();
        Assert.Equal([
            ": cell 1 (setup): error: has outputs or an execution count: source notebooks are committed clean (run " +
            "`check` after clearing outputs)",
            ": cell 2 (square), line 7: error: hidden tests markers belong only in autograded test cells",
            ": cell 3 (square): error: grade_id 'square' is also used by cell 2: grade ids must be unique",
            ": cell 4 (partial_tests), line 1: error: 'BEGIN HIDDEN TESTS' is never closed with 'END HIDDEN TESTS'",
            ": cell 6 (why_answer): error: a graded cell needs points",
        ], lines);
    }

    [Fact]
    public async Task MalformedJson_WhenChecked_TheFileAndPathAreNamedAndTheExitCodeIsInputError()
    {
        var path = Path.Combine(Fixture.TempFolder(), "bad.ipynb");
        await File.WriteAllTextAsync(path, "{\"nbformat\": 4, \"metadata\": {}, \"cells\": {}}");
        var (code, _, error) = await Fixture.RunCliAsync("check", path);
        Assert.Equal(3, code);
        Assert.Contains("bad.ipynb: $.cells: expected an array of cells, found an object", error);
    }

    [Fact]
    public async Task NoSuchPath_WhenChecked_SaysSo()
    {
        var (code, _, error) = await Fixture.RunCliAsync("check", "/nowhere/x.ipynb");
        Assert.Equal(3, code);
        Assert.Contains("/nowhere/x.ipynb: no such file or folder.", error);
    }

    [Fact]
    public void Metadata_OfTheFixture_IsPolyglot() =>
        Assert.Equal(
            ".net-csharp",
            Notebook.Load(Fixture.TinyNotebook).Metadata["kernelspec"]!["name"]!.GetValue<string>());
}
