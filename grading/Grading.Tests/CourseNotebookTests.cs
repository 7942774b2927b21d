using Grading.Autograde;
using Grading.Cli;
using Grading.Execution;
using Grading.Gradebook;
using Grading.Isolation;
using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Release;
using NotebookEngine;

namespace Grading.Tests;

/// <summary>
/// Grades the course itself: the instructor notebooks as a perfect submission, the release as an untouched one, and a
/// partially correct one (a lookup without validation, a position table with sin and cos swapped).
/// </summary>
public sealed class CourseClassFixture : IAsyncLifetime
{
    public static string Notebooks => Path.Combine(RepositoryPaths.Root, "notebooks");

    internal ClassGradebook Gradebook { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var root = Fixture.TempFolder();
        foreach (var path in Directory.EnumerateFiles(Notebooks, "*.ipynb"))
        {
            var name = Path.GetFileName(path);
            Save(Notebook.Load(path), root, "solutions", name);
            Save(ReleasePipeline.Create().Run(Notebook.Load(path), new StepContext(name)), root, "release", name);
            Save(PartiallyCorrect(Notebook.Load(path)), root, "partial", name);
        }

        var options = new GradingOptions(Path.Combine(root, "class"), Notebooks, Path.Combine(root, "graded"), Jobs: 2,
            WorkerLimits.Default, SandboxMode.Auto, (1, 1), null, LatePolicy.None, Force: true, [], Path.Combine(RepositoryPaths.Root, "lib", "bin", "TensorLab.dll"));
        var sources = Directory.EnumerateFiles(Notebooks, "*.ipynb").Order().Select(AssignmentSource.Load).ToList();
        Gradebook = await new ClassGrader(options, BubblewrapProbe.WhyUnavailable is null).GradeAsync(sources, _ => { }, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static void Save(Notebook notebook, string root, string student, string name) =>
        notebook.Save(Path.Combine(root, "class", student, name));

    private static Notebook PartiallyCorrect(Notebook notebook)
    {
        foreach (var cell in notebook.Cells)
        {
            if (cell.GradeId == "nb01_lookup_rows")
            {
                // Forgets validation: copies rows straight away.
                cell.Source = "static void LookupRows(float[] weight, int dim, ReadOnlySpan<int> ids, Span<float> destination)\n{\n" +
                              "    for (var n = 0; n < ids.Length; n++) weight.AsSpan(ids[n] * dim, dim).CopyTo(destination.Slice(n * dim, dim));\n}";
            }
            else if (cell.GradeId == "nb02_sinusoidal_table")
            {
                // Swaps sin and cos.
                cell.Source = cell.Source.Replace("(float)Math.Sin(angle)", "(float)Math.TEMP(angle)", StringComparison.Ordinal)
                    .Replace("(float)Math.Cos(angle)", "(float)Math.Sin(angle)", StringComparison.Ordinal)
                    .Replace("(float)Math.TEMP(angle)", "(float)Math.Cos(angle)", StringComparison.Ordinal);
            }
        }

        return notebook;
    }
}

public class CourseNotebookTests(CourseClassFixture course) : IClassFixture<CourseClassFixture>
{
    public static TheoryData<string> NotebookNames() => new(Directory.EnumerateFiles(CourseClassFixture.Notebooks, "*.ipynb").Select(Path.GetFileName).OfType<string>().Order());

    private IEnumerable<CellGrade> Tests(string student) =>
        course.Gradebook.Notebooks.Where(n => n.Student == student).SelectMany(n => n.Cells).Where(c => c.Kind == CellKinds.Tests);

    [Fact]
    public async Task Check_PassesOnEveryNotebook()
    {
        var (code, output, error) = await Fixture.RunCliAsync("check", CourseClassFixture.Notebooks);
        Assert.True(code == 0, output + error);
        Assert.Contains("6 notebooks checked: 0 errors, 0 warnings.", output);
    }

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public async Task Run_OfEverySourceNotebook_SucceedsInEveryCell(string name)
    {
        var notebook = Notebook.Load(Path.Combine(CourseClassFixture.Notebooks, name));
        var executed = await NotebookRunner.RunAsync(notebook, CourseClassFixture.Notebooks, TimeSpan.FromSeconds(30));
        var failures = executed.Where(c => c.Result.Status != CellStatus.Succeeded).Select(c => $"cell {c.Index}: {c.Result.Failure?.Message}");
        Assert.Empty(failures);
        Assert.Contains(executed, c => c.Result.Outputs.OfType<DisplayDataOutput>().Any(d => d.Data.TryGetValue("text/html", out var html) && html.Contains("Plotly.newPlot", StringComparison.Ordinal)));
    }

    [Fact]
    public void Solutions_ScoreFullMarksOnEveryAutogradedCell()
    {
        Assert.All(Tests("solutions"), cell => Assert.True(cell.Score == cell.MaxScore, $"{cell.GradeId}: {cell.Reason}"));
        Assert.Equal(6, course.Gradebook.Notebooks.Count(n => n.Student == "solutions"));
    }

    [Fact]
    public void Release_ScoresZeroOnEveryTestCell_WithTheStubMessage()
    {
        Assert.All(Tests("release"), cell =>
        {
            Assert.Equal(0, cell.Score);
            // Either the stub's own exception, or a Check.Throws that met it instead of the exception it expected.
            Assert.Contains("not implemented yet", cell.Reason, StringComparison.OrdinalIgnoreCase);
        });
        Assert.All(course.Gradebook.Notebooks.Where(n => n.Student == "release"), n => Assert.Null(n.Error));
    }

    [Fact]
    public void PartialSubmission_LosesExactlyThePointsOfTheTestsThatCheckTheMistake()
    {
        var lost = Tests("partial").Where(c => c.Score < c.MaxScore).ToList();
        Assert.Equal(["nb01_validation_tests", "nb02_sinusoidal_table_tests"], lost.Select(c => c.GradeId).Order());
        // nb01_validation_tests is worth 1 point, nb02_sinusoidal_table_tests 3.
        Assert.Equal(Tests("solutions").Sum(c => c.Score) - 4, Tests("partial").Sum(c => c.Score));
        Assert.All(lost, cell => Assert.Contains("Hint:", cell.Reason));
        Assert.Contains("expected", lost.Single(c => c.GradeId == "nb02_sinusoidal_table_tests").Reason);
        Assert.Contains("found", lost.Single(c => c.GradeId == "nb02_sinusoidal_table_tests").Reason);
    }

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public void EveryTestCell_ChecksWithAWhatAndAHint(string name)
    {
        foreach (var cell in Notebook.Load(Path.Combine(CourseClassFixture.Notebooks, name)).Cells.Where(c => c.Nbgrader is { IsAutogradedTest: true }))
        {
            Assert.Contains("TensorLab.Check.", cell.Source);
            Assert.Contains("hint:", cell.Source);
            Assert.Contains("BEGIN HIDDEN TESTS", cell.Source);
        }
    }
}
