using System.Text.Json.Nodes;
using Grading.Cli;
using Grading.Notebooks;

namespace Grading.Tests;

public class ReleaseAndValidateTests
{
    private static async Task<string> ReleaseTinyAsync()
    {
        var output = Fixture.TempFolder();
        var (code, text, error) = await Fixture.RunCliAsync(
            "release",
            "--source",
            Fixture.Path("assignment", "notebooks"),
            "--out",
            output);
        Assert.True(code == 0, error + text);
        // The tiny notebook loads ../lib/bin/TensorLab.dll: give the release the one this build made, so validate need
        // not build it.
        var library = Path.Combine(RepositoryPaths.Root, "lib", "bin", "TensorLab.dll");
        Directory.CreateDirectory(Path.Combine(output, "lib", "bin"));
        File.Copy(library, Path.Combine(output, "lib", "bin", "TensorLab.dll"), overwrite: true);
        File.SetLastWriteTimeUtc(Path.Combine(output, "lib", "bin", "TensorLab.dll"), DateTime.UtcNow.AddMinutes(1));
        return output;
    }

    [Fact]
    public async Task Release_StubsSolutions_RemovesHiddenTestsAndMarkSchemes_LocksAndChecksums()
    {
        var output = await ReleaseTinyAsync();
        var released = Notebook.Load(Path.Combine(output, "notebooks", "tiny.ipynb"));

        Assert.Equal(
            "static int Square(int x)\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException();\n}",
            released.Cells[2].Source);
        Assert.Equal("// Square: visible and hidden cases\nTensorLab.Check.Equal(\"Square(3)\", Square(3), 9, " +
                     "hint: \"multiply x by itself\");", released.Cells[3].Source);
        // an unmarked solution cell is replaced whole, mark scheme and all
        Assert.Equal("YOUR ANSWER HERE", released.Cells[6].Source);
        Assert.False(released.Cells[3].Metadata["editable"]!.GetValue<bool>());
        Assert.False(released.Cells[3].Metadata["deletable"]!.GetValue<bool>());
        Assert.Null(released.Cells[2].Metadata["editable"]);
        foreach (var cell in released.Cells
            .Where(c => c.Nbgrader is { Grade: true } or { Solution: true } or { Locked: true }))
        {
            Assert.Equal(CellChecksum.Compute(cell), cell.Nbgrader!.Checksum);
        }

        var graded = released.Metadata["course"]!["graded_cells"]!.AsArray()
            .Select(g => g!["grade_id"]!.GetValue<string>());
        Assert.Equal(["square_tests", "partial_tests", "why_answer"], graded);
    }

    [Fact]
    public async Task Release_NeverContainsSolutionsHiddenTestsOrMarkSchemes()
    {
        var output = await ReleaseTinyAsync();
        Assert.Contains("pick the `.NET (C#)` kernel", File.ReadAllText(Path.Combine(output, "README.md")));
        Assert.True(File.Exists(Path.Combine(output, "global.json")));
        Assert.True(File.Exists(Path.Combine(output, "lib", "TensorLab", "TensorLab.csproj")));
        var releasedFiles = Directory
            .EnumerateFiles(Path.Combine(output, "notebooks"), "*", SearchOption.AllDirectories)
            .Append(Path.Combine(output, "README.md"));
        foreach (var file in releasedFiles)
        {
            var text = await File.ReadAllTextAsync(file);
            foreach (var secret in new[]
            {
                "BEGIN SOLUTION",
                "HIDDEN TESTS",
                "MARK SCHEME",
                "return x * x;",
                "Square(-4)",
                "One point for naming",
            })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{file} contains '{secret}'");
            }
        }
    }

    [Fact]
    public async Task Validate_OfTheRelease_FailsEachTestWithTheStubMessage()
    {
        var output = await ReleaseTinyAsync();
        var (code, text, _) = await Fixture.RunCliAsync("validate", Path.Combine(output, "notebooks", "tiny.ipynb"));
        Assert.Equal(1, code);
        Assert.Contains("│ ✗ │ square_tests  │ 0/2    │ Not implemented yet: replace `throw new " +
                        "NotImplementedException();` with your code. │", text);
        Assert.EndsWith("Visible tests: 0/4 points; 2 test cell(s) failing.\n", text);
    }

    [Fact]
    public async Task Validate_OfAnAnsweredRelease_PassesAndWarnsAboutEditedLockedCellsAndMissingGradedCells()
    {
        var (_, code, text, error) = await ValidateEditedReleaseAsync(notebook =>
        {
            notebook.Cells[2].Source = "static int Square(int x) => x * x;";
            notebook.Cells[3].Source = "// edited by the student";
            notebook.Cells.RemoveAt(6);
        });

        Assert.Equal(1, code);
        // partial_tests returns the points it awards (2 of 2 here): the cell's numeric value, not a fixed full score.
        Assert.Contains("Visible tests: 4/4 points; 0 test cell(s) failing.", text);
        Assert.Contains(
            "warning: the locked cell 'square_tests' was modified: the grader will restore the original.",
            error);
        Assert.Contains("warning: the graded cell 'why_answer' is missing: the grader will put it back, but your " +
                        "answer in it is lost.", error);
    }

    [Fact]
    public async Task Validate_OfAnAnswerThePolicyRefuses_SaysWhichApiAndLine_AndDoesNotRunIt()
    {
        var (output, code, text, error) = await ValidateEditedReleaseAsync(notebook =>
            notebook.Cells[2].Source = "static int Square(int x) => x * x;\n" +
                                       "System.IO.File.WriteAllText(\"../lib/bin/TensorLab.dll\", \"\");");

        Assert.Equal(1, code);
        Assert.Contains("cell 2: This cell was not run because it uses what this assignment's code policy " +
                        "does not allow:\n" +
                        "  line 2 uses System.IO.File.WriteAllText (the file system), which this assignment does " +
                        "not allow", error);
        Assert.Contains("Visible tests: 0/4 points; 2 test cell(s) failing; 1 other cell(s) failed", text);
        Assert.True(File.Exists(Path.Combine(output, "lib", "bin", "TensorLab.dll"))
            && new FileInfo(Path.Combine(output, "lib", "bin", "TensorLab.dll")).Length > 0);
    }

    // The released tiny notebook as a student edited it, then validated.
    private static async Task<(string Output, int Code, string Text, string Error)> ValidateEditedReleaseAsync(
        Action<Notebook> edit)
    {
        var output = await ReleaseTinyAsync();
        var path = Path.Combine(output, "notebooks", "tiny.ipynb");
        var notebook = Notebook.Load(path);
        edit(notebook);
        notebook.Save(path);
        var (code, text, error) = await Fixture.RunCliAsync("validate", path);
        return (output, code, text, error);
    }

    [Fact]
    public async Task Run_WritesOutputsAndExecutionCounts_AndReportsFailedCells()
    {
        var output = Path.Combine(Fixture.TempFolder(), "out.ipynb");
        var (code, text, _) = await Fixture.RunCliAsync(
            "run",
            Fixture.Path("showcase", "showcase.ipynb"),
            "-o",
            output);

        Assert.Equal(1, code);
        Assert.Contains("7 code cells run, 2 failed", text);
        var executed = Notebook.Load(output);
        var codeCells = executed.Cells.Where(c => c.IsCode).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], codeCells.Select(c => c.Json["execution_count"]!.GetValue<int>()));
        var outputs = codeCells.Select(c => c.Json["outputs"]!.AsArray()).ToList();
        Assert.Equal("printed to stdout\n", outputs[1][0]!["text"]![0]!.GetValue<string>());
        Assert.Contains("Plotly.newPlot", outputs[2][0]!["data"]!["text/html"]!.ToJsonString());
        Assert.Equal("error", outputs[4][0]!["output_type"]!.GetValue<string>());
        Assert.StartsWith(
            "System.InvalidOperationException: an error on purpose",
            outputs[4][0]!["evalue"]!.GetValue<string>());
        Assert.Equal(
            "(1,21): error CS0103: The name 'notDeclared' does not exist in the current context",
            outputs[5][0]!["evalue"]!.GetValue<string>());
        Assert.IsType<JsonObject>(outputs[6][0]!["data"]);
    }

    [Fact]
    public async Task Release_RefusesSourcesWithErrors()
    {
        var source = Fixture.TempFolder();
        var notebook = Notebook.Load(Fixture.TinyNotebook);
        notebook.Cells[2].Source = "// BEGIN SOLUTION\nnever closed";
        notebook.Save(Path.Combine(source, "tiny.ipynb"));
        var output = Fixture.TempFolder();
        var (code, _, error) = await Fixture.RunCliAsync("release", "--source", source, "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("tiny.ipynb: cell 2 (square), line 1: error: 'BEGIN SOLUTION' is never closed with 'END " +
                        "SOLUTION'", error);
        Assert.False(Directory.Exists(Path.Combine(output, "notebooks")));
    }
}
