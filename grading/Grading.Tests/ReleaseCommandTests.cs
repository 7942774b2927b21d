using Grading.Notebooks;
using Grading.Release;

namespace Grading.Tests;

public class ReleaseCommandTests
{
    // Text that only the instructor's copy holds: solutions, hidden tests, mark schemes (tiny's and circles' secrets).
    private static readonly string[] Secrets =
        [
            "return x * x;",
            "Square(-4)",
            "One point for naming",
            "SECRET-AREA",
            "SECRET-HIDDEN",
            "SECRET-PROSE",
            "SECRET-RUBRIC",
            "SECRET-MANUAL",
        ];

    private static readonly string[] Markers = ["BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", "MARK SCHEME"];

    private static async Task<(string Output, string Text)> ReleaseTwoNotebooksAsync()
    {
        var source = Fixture.TempFolder();
        File.Copy(Fixture.TinyNotebook, Path.Combine(source, "tiny.ipynb"));
        File.Copy(Fixture.CirclesNotebook, Path.Combine(source, "circles.ipynb"));
        var output = Fixture.TempFolder();
        var (code, text, error) = await Fixture.RunCliAsync("release", "--source", source, "--out", output);
        Assert.True(code == 0, error + text);
        return (output, text);
    }

    [Fact]
    public async Task TwoNotebooks_WhenReleased_NoReleasedFileHoldsASecretOrAMarker()
    {
        var (output, _) = await ReleaseTwoNotebooksAsync();
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(Path.Combine(output, "notebooks", "circles.ipynb"), files);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            var relative = Path.GetRelativePath(output, file);
            foreach (var secret in Secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{relative} contains '{secret}'");
            }

            // The grader's own source (copied for `validate`) names the markers to find them; nothing else may.
            if (!relative.StartsWith("grading" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                foreach (var marker in Markers)
                {
                    Assert.False(text.Contains(marker, StringComparison.Ordinal), $"{relative} contains '{marker}'");
                }
            }
        }
    }

    [Fact]
    public async Task EveryCellKind_WhenReleased_EachGetsNbgradersTreatment()
    {
        var (output, _) = await ReleaseTwoNotebooksAsync();
        var released = Notebook.Load(Path.Combine(output, "notebooks", "circles.ipynb"));

        Assert.Equal("Area → πr², for θ in [0, 2π).", released.Cells[0].Source.Split('\n')[1]);
        Assert.Equal(
            "// visible\nCheck.Close(\"Area(1)\", Geometry.Area(1), Math.PI, 1e-9);",
            released.Cells[3].Source);
        Assert.Equal("Why does the area grow quadratically?\n\n  YOUR ANSWER HERE", released.Cells[4].Source);
        Assert.Equal("**Task:** plot the area for r = 1…5.", released.Cells[5].Source);
        Assert.All(
            released.Cells.Where(c => c.IsCode),
            cell => Assert.Equal((0, (int?)null), (cell.Outputs!.Count, cell.ExecutionCount)));
        foreach (var cell in released.Cells.Where(c => c.Nbgrader is not null))
        {
            Assert.Equal(CellChecksum.Compute(cell), cell.Nbgrader!.Checksum);
            Assert.Equal(cell.CellType, cell.Nbgrader.CellType);
            Assert.Equal(cell.Nbgrader.Solution ? null : false, cell.Metadata["editable"]?.GetValue<bool>());
            Assert.False(cell.Metadata["deletable"]!.GetValue<bool>());
        }

        var graded = released.Metadata["course"]!["graded_cells"]!.AsArray()
            .Select(g => $"{g!["grade_id"]}:{g["kind"]}:{g["points"]}");
        Assert.Equal(
            ["area_tests:tests:3", "why_quadratic:manual:0.5", "plot_task:task:1", "radii_manual:manual:2"],
            graded);
    }

    [Fact]
    public async Task AHelperScriptBesideTheNotebooks_WhenReleased_SitsBesideTheReleasedNotebooks()
    {
        var source = Fixture.TempFolder();
        File.Copy(Fixture.TinyNotebook, Path.Combine(source, "tiny.ipynb"));
        const string helper = "// loaded with #load \"Charts.csx\"\nstatic int Twice(int x) => 2 * x;\n";
        await File.WriteAllTextAsync(Path.Combine(source, "Charts.csx"), helper);
        var output = Fixture.TempFolder();
        var (code, text, error) = await Fixture.RunCliAsync("release", "--source", source, "--out", output);
        Assert.True(code == 0, error + text);
        Assert.Equal(helper, await File.ReadAllTextAsync(Path.Combine(output, "notebooks", "Charts.csx")));
    }

    [Fact]
    public async Task TwoNotebooks_WhenReleased_TheTableCountsWhatChanged()
    {
        var (_, text) = await ReleaseTwoNotebooksAsync();
        var row = text.Split('\n').Single(line => line.Contains("circles.ipynb", StringComparison.Ordinal));
        // cells, graded cells, points (3 + 0.5 + 1 + 2), stubs, hidden tests removed, mark schemes removed
        Assert.Equal(["circles.ipynb", "7", "4", "6.5", "3", "1", "1"],
            row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Released 2 notebook(s)", text);
    }

    [Fact]
    public async Task AReleaseTwice_WhenTheSecondRuns_TheNotebooksAreIdentical()
    {
        var (first, _) = await ReleaseTwoNotebooksAsync();
        var (second, _) = await ReleaseTwoNotebooksAsync();
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(first, "notebooks", "circles.ipynb")),
            await File.ReadAllTextAsync(Path.Combine(second, "notebooks", "circles.ipynb")));
    }
}
