using Grading.Autograde;
using Grading.Autograde.Sanitize;
using Grading.Cli;
using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>
/// A locked cell means what it means in the instructor's run: shadowing types, capturing extension methods, aliases and
/// changed signatures are refused before the test runs, naming the cause and the fix (issue 11, findings 3 and 4).
/// Reviewed in memory as autograde reviews a submission, without a worker.
/// </summary>
public class LockedCellMeaningTests
{
    private static readonly Lazy<AssignmentSource> Tiny = new(() => AssignmentSource.Load(Fixture.TinyNotebook));
    private static readonly Lazy<AssignmentSource> Semantic = new(() =>
        AssignmentSource.Load(Path.Combine(RepositoryPaths.Root, "notebooks", "04_semantic_space.ipynb")));

    [Fact]
    public void TheSolutionItself_WhenReviewed_NothingIsRefused()
    {
        Assert.Empty(Review(Tiny.Value, "square", null).Values.Select(r => $"cell {r.Index}: {r.Failure}"));
        Assert.Empty(Review(Semantic.Value, "nb04_cosine", null).Values.Select(r => $"cell {r.Index}: {r.Failure}"));
    }

    [Fact]
    public void AnInstanceMethodForTheStaticStub_WhenReviewed_NothingIsRefused()
    {
        // The tests compile to other IL than the instructor's (CompiledMeaningTests), yet bind to the same Square.
        Assert.Empty(Review(Tiny.Value, "square", "int Square(int x) => x * x;").Values
            .Select(r => $"cell {r.Index}: {r.Failure}"));
    }

    [Theory]
    [InlineData("static long Square(int x) => (long)x * x;", "`long Square(int)`")]
    [InlineData("static int Square(long x) => (int)(x * x);", "`int Square(long)`")]
    [InlineData("static int Square(in int x) => x * x;", "`int Square(in int)`")]
    public void AChangedSignature_WhenReviewed_TheTestsAreRefusedNamingBothSignatures(string answer, string yours)
    {
        var refused = Review(Tiny.Value, "square", answer);
        var reason = refused[Index(Tiny.Value, "square_tests")].Failure!;
        Assert.StartsWith("Not run: `Square(3)` (line 2) must have the assignment's signature `int Square(int)`, " +
                          "but yours is " + yours, reason);
        Assert.Contains(Index(Tiny.Value, "partial_tests"), refused.Keys);
    }

    [Fact]
    public void AStructEqualToEverything_WhenReviewed_TheTestsAreRefused()
    {
        const string answer = "static Any Square(int x) => new Any();\nstruct Any { public static implicit " +
                              "operator Any(int v) => new Any(); " +
                              "public override bool Equals(object o) => true; " +
                              "public override int GetHashCode() => 0; }";
        Assert.Contains(
            "yours is `Any Square(int)`",
            Review(Tiny.Value, "square", answer)[Index(Tiny.Value, "square_tests")].Failure);
    }

    [Theory]
    // A wrong cosine, and a replacement for what the hidden tests compute the expected values with.
    [InlineData(
        "static class Similarity { public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => " +
        "CosineSimilarity(a, b); }",
        "`Similarity.Cosine(u, v)` (line 12)",
        "your type Similarity (cell 5) takes its place: rename or remove your type Similarity")]
    [InlineData(
        "static class Math { public static double Sqrt(double x) => 0; public static double Abs(double x) => 0; }",
        "`Math.Sqrt(0.5)` (line 5) should mean `",
        "your type Math (cell 5) takes its place: rename or remove your type Math")]
    [InlineData(
        "static float[] ToArray(this IEnumerable<float> xs) => new float[1];",
        "(line 10) should mean `",
        "your extension method ToArray (cell 5) takes its place: rename or remove your extension method ToArray")]
    public void AShadowOfWhatTheHiddenTestsUse_WhenReviewed_TheTestCellIsRefusedNamingIt(
        string addition,
        string where,
        string cause)
    {
        const string wrong = "static float CosineSimilarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => 0.5f;\n";
        var reason = Review(
            Semantic.Value,
            "nb04_cosine",
            wrong + addition)[Index(Semantic.Value, "nb04_cosine_tests")].Failure!;
        Assert.StartsWith("Not run: `", reason);
        Assert.Contains(where, reason);
        Assert.Contains(cause, reason);
    }

    [Fact]
    public void AnAnswerCellThePolicyRefuses_WhenReviewed_ItsTestsSayWhyTheyDoNotCompile()
    {
        var refused = Review(Tiny.Value, "square", "static int Square(int x) => x * x;\nGC.Collect();");
        Assert.Equal("Not run: line 2 uses System.GC.Collect (the garbage collector), which this assignment does " +
                     "not allow. Remove it: student code may not use it.",
            refused[Index(Tiny.Value, "square")].Failure);
        Assert.StartsWith("Cell 2 was not run: line 2 uses System.GC.Collect (the garbage collector), which this " +
                          "assignment does not allow. So this cell does not compile: (2,44): error CS0103",
            refused[Index(Tiny.Value, "square_tests")].Failure);
    }

    [Fact]
    public void ACellThatTimesOutToUncoverAnEarlierShadow_WhenRecheckedAfterTheRun_TheTestsThatPassedDoNotCount()
    {
        // Reviewed before the run, the answer's Square hides the added Any Square; the answer then times out, its
        // declaration is lost, and the tests ran against Any Square.
        var student = Tiny.Value.Released.Clone();
        var answer = student.Cells.FindIndex(c => c.GradeId == "square");
        student.Cells[answer].Source = "static int Square(int x) => x * x;\nwhile (true) { }";
        var added = new NotebookCell(student.Cells[answer].Json.DeepClone().AsObject())
        {
            Source = "static Any Square(int x) => new Any();\n" +
            "struct Any { public static implicit operator Any(int v) => new Any(); public override bool " +
            "Equals(object o) => true; public override int GetHashCode() => 0; }"
        };
        added.Metadata.Remove("nbgrader");
        student.Cells.Insert(answer, added);
        var sanitized = SanitizePipeline.Create(Tiny.Value).Run(student, new StepContext());
        var gate = new PolicyGate();
        Assert.Empty(gate.Review(Tiny.Value, sanitized, PolicyWorkspace.Notebooks));

        var tests = sanitized.Cells.FindIndex(c => c.GradeId == "square_tests");
        var ran = new[]
        {
            new WorkerCellReport(answer + 1, WorkerCellStatus.TimedOut, "Cell timed out", null, [], TimeSpan.Zero),
            new WorkerCellReport(tests, WorkerCellStatus.Succeeded, null, null, [], TimeSpan.Zero),
        };
        var overridden = gate.RecheckAfterTimeouts(Tiny.Value, sanitized, PolicyWorkspace.Notebooks, ran);
        Assert.StartsWith("Not counted: a cell of yours timed out and its declarations were lost, so `Square(3)` " +
                          "(line 2) must have the assignment's signature `int Square(int)`, but yours is `Any " +
                          "Square(int)`",
            Assert.Single(overridden).Value.Failure);
    }

    private static int Index(AssignmentSource source, string gradeId) =>
        source.Source.Cells.FindIndex(c => c.GradeId == gradeId);

    // The student's notebook: the release with one answer cell written (null: the solution), sanitized and reviewed.
    private static IReadOnlyDictionary<int, WorkerCellReport> Review(
        AssignmentSource source,
        string answerId,
        string? answer)
    {
        var student = source.Released.Clone();
        var cell = student.Cells.Single(c => c.GradeId == answerId);
        cell.Source = answer ?? source.Source.Cells.Single(c => c.GradeId == answerId).Source;
        var sanitized = SanitizePipeline.Create(source).Run(student, new StepContext());
        return new PolicyGate().Review(source, sanitized, PolicyWorkspace.Notebooks);
    }
}
