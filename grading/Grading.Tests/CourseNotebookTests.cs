using Grading.Autograde;
using Grading.Cli;
using Grading.Gradebook;
using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Release;
using Grading.Release.Steps;
using Grading.Running.Execution;
using Grading.Running.Isolation;
using NotebookEngine;

namespace Grading.Tests;

/// <summary>
/// Grades the course itself: the instructor notebooks as a perfect submission, the release as an untouched one, and
/// every committed wrong answer (<see cref="WrongAnswer"/>) as a student who got exactly that one cell wrong, once with
/// the hidden tests (autograde) and, for the common mistakes, once with the visible tests only (what validate runs).
/// </summary>
public sealed class CourseClassFixture : IAsyncLifetime
{
    public static string Notebooks => Path.Combine(RepositoryPaths.Root, "notebooks");

    internal ClassGradebook Gradebook { get; private set; } = null!;

    /// <summary>
    /// The solutions and the common wrong answers graded against the notebooks without their hidden tests.
    /// </summary>
    internal ClassGradebook VisibleOnly { get; private set; } = null!;

    /// <summary>The class <see cref="Gradebook"/> graded: &lt;student&gt;/&lt;notebook&gt;.ipynb.</summary>
    public string ClassFolder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var root = Fixture.TempFolder();
        ClassFolder = Path.Combine(root, "class");
        var withCommonMistakes = WrongAnswer.All()
            .Where(w => w.FlaggedByValidate)
            .Select(w => w.Notebook + ".ipynb")
            .ToHashSet();
        foreach (var path in Directory.EnumerateFiles(Notebooks, "*.ipynb"))
        {
            var name = Path.GetFileName(path);
            Save(Notebook.Load(path), root, "class", "solutions", name);
            Save(ReleasePipeline.Create().Run(Notebook.Load(path), new StepContext()), root, "class", "release", name);
            if (withCommonMistakes.Contains(name))
            {
                // The baseline for the visible-only run, only where there is something to compare (a run costs
                // seconds).
                Save(Notebook.Load(path), root, "visible-class", "solutions", name);
            }

            // The source as validate sees it: the visible tests only, with the helper scripts beside it.
            Save(
                new NotebookPipeline(new ClearRegion(RegionKind.HiddenTests))
                    .Run(Notebook.Load(path), new StepContext()),
                root,
                "visible-source",
                "",
                name);
        }

        foreach (var (file, text) in SupportFiles.Beside(Path.Combine(Notebooks, "any.ipynb")))
        {
            File.WriteAllText(Path.Combine(root, "visible-source", file), text);
        }

        foreach (var wrong in WrongAnswer.All())
        {
            var notebook = WithAnswer(Notebook.Load(Path.Combine(Notebooks, wrong.Notebook + ".ipynb")), wrong);
            Save(notebook, root, "class", wrong.Student, wrong.Notebook + ".ipynb");
            if (wrong.FlaggedByValidate)
            {
                Save(notebook, root, "visible-class", wrong.Student, wrong.Notebook + ".ipynb");
            }
        }

        Gradebook = await GradeAsync(root, "class", Notebooks, "graded");
        VisibleOnly = await GradeAsync(root, "visible-class", Path.Combine(root, "visible-source"), "visible-graded");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // A worker killed from outside (exit code 137 on a machine shared by several builds) says nothing about the answer
    // it ran: such notebooks are graded once more, alone, and that grade replaces the first.
    private static async Task<ClassGradebook> GradeAsync(
        string root,
        string classFolder,
        string sourceFolder,
        string output)
    {
        var gradebook = await GradeOnceAsync(root, classFolder, sourceFolder, output);
        var killed = gradebook.Notebooks
            .Where(n => n.Notes.Any(note => note.Text.Contains("stopped with exit code", StringComparison.Ordinal)))
            .ToList();
        if (killed.Count == 0)
        {
            return gradebook;
        }

        foreach (var grade in killed)
        {
            var name = grade.Notebook + ".ipynb";
            var retry = Directory.CreateDirectory(Path.Combine(root, classFolder + "-retry", grade.Student)).FullName;
            File.Copy(Path.Combine(root, classFolder, grade.Student, name), Path.Combine(retry, name));
        }

        var retried = await GradeOnceAsync(root, classFolder + "-retry", sourceFolder, output + "-retry");
        var replaced = gradebook.Notebooks.Select(n => killed.Contains(n)
            ? retried.Notebooks.Single(r => r.Student == n.Student && r.Notebook == n.Notebook) : n).ToList();
        return gradebook with { Notebooks = replaced };
    }

    private static async Task<ClassGradebook> GradeOnceAsync(
        string root,
        string classFolder,
        string sourceFolder,
        string output)
    {
        // Generous time limits: this checks what the course's tests decide, not speed, and a machine shared by several
        // builds can stall a notebook's first chart cell past the default 30 s (the cell then reads "Not run").
        var limits = WorkerLimits.Default with
        {
            CellTimeout = TimeSpan.FromSeconds(120),
            NotebookBudget = TimeSpan.FromSeconds(900),
        };
        var options = new GradingOptions(
            Submissions: Path.Combine(root, classFolder),
            Source: sourceFolder,
            Output: Path.Combine(root, output),
            Jobs: 2,
            Limits: limits,
            Sandbox: SandboxMode.Auto,
            Shard: (1, 1),
            Due: null,
            Late: LatePolicy.None,
            Force: true,
            Formats: [],
            LibraryDll: Path.Combine(RepositoryPaths.Root, "lib", "bin", "TensorLab.dll"));
        var sources = Directory.EnumerateFiles(sourceFolder, "*.ipynb").Order().Select(AssignmentSource.Load).ToList();
        return await new ClassGrader(options, BubblewrapProbe.WhyUnavailable is null)
            .GradeAsync(sources, _ => { }, CancellationToken.None);
    }

    private static void Save(Notebook notebook, string root, string folder, string student, string name) =>
        notebook.Save(Path.Combine(root, folder, student, name));

    private static Notebook WithAnswer(Notebook notebook, WrongAnswer wrong)
    {
        var cell = notebook.Cells
            .SingleOrDefault(c => c.GradeId == wrong.GradeId && c.Nbgrader is { Solution: true, Grade: false })
            ?? throw new InvalidDataException($"wrong answer {wrong.Id}: {wrong.Notebook}.ipynb has no " +
                                              $"autograded answer cell '{wrong.GradeId}'.");
        cell.Source = wrong.Source;
        return notebook;
    }
}

public class CourseNotebookTests(CourseClassFixture course) : IClassFixture<CourseClassFixture>
{
    public static TheoryData<string> NotebookNames() =>
        new(Directory.EnumerateFiles(CourseClassFixture.Notebooks, "*.ipynb")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order());

    private IEnumerable<CellGrade> Tests(string student) =>
        course.Gradebook.Notebooks
            .Where(n => n.Student == student)
            .SelectMany(n => n.Cells)
            .Where(c => c.Kind == CellKind.Tests);

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
        var failures = executed.Where(c => c.Result.Status != CellStatus.Succeeded)
            .Select(c => $"cell {c.Index}: {c.Result.Failure?.Message}");
        Assert.Empty(failures);
        Assert.Contains(
            executed,
            c =>
                c.Result.Outputs
                    .OfType<DisplayDataOutput>()
                    .Any(d =>
                        d.Data.TryGetValue("text/html", out var html)
                            && html.Contains("Plotly.newPlot", StringComparison.Ordinal)));
    }

    [Fact]
    public void Solutions_ScoreFullMarksOnEveryAutogradedCell()
    {
        Assert.All(
            Tests("solutions"),
            cell => Assert.True(cell.Score == cell.MaxScore, $"{cell.GradeId}: {cell.Reason}"));
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

    public static TheoryData<string> WrongAnswerIds() => new(WrongAnswer.All().Select(w => w.Id));

    public static TheoryData<string> CommonWrongAnswerIds() =>
        new(WrongAnswer.All().Where(w => w.FlaggedByValidate).Select(w => w.Id));

    private static WrongAnswer Wrong(string id) => WrongAnswer.All().Single(w => w.Id == id);

    // The wrong answer's grade and the solutions' grade of the same notebook, in one class run.
    private static (NotebookGrade Graded, NotebookGrade Solutions) GradesOf(
        ClassGradebook gradebook,
        WrongAnswer wrong) =>
        (gradebook.Notebooks.Single(n => n.Student == wrong.Student && n.Notebook == wrong.Notebook),
         gradebook.Notebooks.Single(n => n.Student == "solutions" && n.Notebook == wrong.Notebook));

    [Theory]
    [MemberData(nameof(WrongAnswerIds))]
    public void WrongAnswer_LosesPointsUnderTheHiddenTests_WithAHintInEveryLostCell(string id)
    {
        var wrong = Wrong(id);
        var (graded, solutions) = GradesOf(course.Gradebook, wrong);
        var lost = graded.Cells.Where(c => c.Kind == CellKind.Tests && c.Score < c.MaxScore).ToList();
        Assert.True(
            lost.Count > 0,
            $"{id} ({wrong.Mistake}) scored full marks on every test cell of {wrong.Notebook}.");
        Assert.True(Score(graded) < Score(solutions), $"{id}: {Score(graded)} of {Score(solutions)}");
        Assert.All(lost, cell => Assert.True(cell.Reason?.Contains("Hint:", StringComparison.Ordinal) == true,
            $"{id}: {cell.GradeId} lost points without a hint: {cell.Reason}"));
    }

    [Theory]
    [MemberData(nameof(CommonWrongAnswerIds))]
    public void CommonWrongAnswer_IsAlreadyFlaggedByTheVisibleTests(string id)
    {
        var wrong = Wrong(id);
        var (graded, solutions) = GradesOf(course.VisibleOnly, wrong);
        Assert.True(Score(graded) < Score(solutions),
            $"{id} ({wrong.Mistake}) passes every visible test of {wrong.Notebook}: a student would hear of it " +
            "only after grading.");
    }

    [Fact]
    public void VisibleTests_GiveTheSolutionsFullMarks()
    {
        // Solutions are submitted to the visible-only run for the notebooks with common mistakes only.
        var compared = WrongAnswer.All().Where(w => w.FlaggedByValidate).Select(w => w.Notebook).ToHashSet();
        Assert.NotEmpty(compared);
        Assert.All(course.VisibleOnly.Notebooks
            .Where(n => n.Student == "solutions" && compared.Contains(n.Notebook))
            .SelectMany(n => n.Cells)
                .Where(c => c.Kind == CellKind.Tests),
            cell => Assert.True(cell.Score == cell.MaxScore, $"{cell.GradeId}: {cell.Reason}"));
    }

    [Fact]
    public void EveryAnswerCell_OfANotebookWithWrongAnswers_HasAtLeastThree()
    {
        var wrong = WrongAnswer.All();
        Assert.NotEmpty(wrong);
        foreach (var notebook in wrong.Select(w => w.Notebook).Distinct())
        {
            var answers = Notebook.Load(Path.Combine(CourseClassFixture.Notebooks, notebook + ".ipynb")).Cells
                .Where(c => c.IsCode && c.Nbgrader is { Solution: true, Grade: false }).Select(c => c.GradeId!);
            Assert.All(answers, gradeId => Assert.True(wrong.Count(w => w.GradeId == gradeId) >= 3,
                $"{notebook}/{gradeId} has {wrong.Count(w => w.GradeId == gradeId)} wrong answers in " +
                $"{WrongAnswer.Folder}; commit at least 3."));
        }
    }

    // validate ≡ autograde: the same submission, sanitized as autograde sanitizes it (hidden tests restored), run the
    // way validate runs a notebook (in process, NotebookRunner) and scored by validate's code, earns per test cell
    // exactly the score and status the worker-run autograde gave it in the class run.
    [Theory]
    [MemberData(nameof(NotebookNames))]
    public Task Validate_ScoresEveryTestCellAsAutogradeDoes_OnSolutionsReleaseAndWrongAnswers(string name) =>
        AssertValidateMatchesAutograde(course.Gradebook, course.ClassFolder, name);

    internal static async Task AssertValidateMatchesAutograde(ClassGradebook gradebook, string classFolder, string name)
    {
        var notebook = Path.GetFileNameWithoutExtension(name);
        var source = AssignmentSource.Load(Path.Combine(CourseClassFixture.Notebooks, name));
        // Every student has a grade for every notebook; a wrong answer was submitted for one notebook only.
        var graded = gradebook.Notebooks
            .Where(n => n.Notebook == notebook && File.Exists(Path.Combine(classFolder, n.Student, name)))
            .ToList();
        Assert.Contains(graded, n => n.Student == "release");
        Assert.Contains(graded, n => n.Student == "solutions");
        var mismatches = new List<string>();
        foreach (var grade in graded)
        {
            var submission = Notebook.Load(Path.Combine(classFolder, grade.Student, name));
            var sanitized = Grading.Autograde.Sanitize.SanitizePipeline.Create(source)
                .Run(submission, new StepContext());
            var executed = await NotebookRunner.RunAsync(
                sanitized,
                CourseClassFixture.Notebooks,
                TimeSpan.FromSeconds(120));
            var validated = ValidateCommand.ScoreTests(executed).ToDictionary(t => t.Name);
            foreach (var cell in grade.Cells.Where(c => c.Kind == CellKind.Tests))
            {
                var validate = validated.GetValueOrDefault(cell.GradeId)?.Score;
                if (validate is null || validate.Score != cell.Score || validate.Status != cell.Status)
                {
                    mismatches.Add($"{grade.Student}/{cell.GradeId}: " +
                                   $"autograde {cell.Score} {cell.Status} ({cell.Reason}), " +
                                   $"validate {validate?.Score} {validate?.Status} ({validate?.Reason})");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static double Score(NotebookGrade grade) =>
        grade.Cells.Where(c => c.Kind == CellKind.Tests).Sum(c => c.Score);

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public void EveryTestCell_ChecksWithAWhatAndAHint(string name)
    {
        var notebook = Notebook.Load(Path.Combine(CourseClassFixture.Notebooks, name));
        foreach (var cell in notebook.Cells.Where(c => c.Kind() == CellKind.Tests))
        {
            Assert.Contains("TensorLab.Check.", cell.Source);
            Assert.Contains("hint:", cell.Source);
            Assert.Contains("BEGIN HIDDEN TESTS", cell.Source);
        }
    }
}
