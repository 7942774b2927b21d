using Grading.Autograde;
using Grading.Notebooks;
using Grading.Policy;
using NotebookEngine.Analysis;

namespace Grading.Tests;

/// <summary>
/// The review's shortcut for locked cells: the compiled code of a locked cell, written out with earlier cells named by
/// scope, is the instructor's whenever the student only added cells or wrote the answers differently, and differs
/// whenever something the student declared takes the place of what the cell uses (then the bindings are compared, as
/// <see cref="LockedCellMeaningTests"/> shows end to end).
/// </summary>
public sealed class CompiledMeaningTests
{
    private const string Test = "Square(3) == 9 && Math.Sqrt(4.0) == 2 && new[] { 1, 2 }.Sum() == 3";

    public static TheoryData<string> CourseNotebooks() =>
        [.. Directory.GetFiles(CourseClassFixture.Notebooks, "*.ipynb").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void ACourseNotebookWithScratchCellsAdded_EveryLockedCellCompilesToTheInstructorsCode(string notebook)
    {
        var source = AssignmentSource.Load(Path.Combine(CourseClassFixture.Notebooks, notebook)).Source;
        var padded = source.Clone();
        // A scratch cell before every code cell: every later submission number shifts, by a different amount each.
        for (var i = padded.Cells.Count - 1; i >= 0; i--)
        {
            if (padded.Cells[i].IsCode)
            {
                var scratch = new NotebookCell(padded.Cells[i].Json.DeepClone().AsObject())
                {
                    Source = "var scratch = 1;",
                };
                scratch.Metadata.Remove("nbgrader");
                padded.Cells.Insert(i, scratch);
            }
        }

        var expected = InstructorBindings.Compute(source, PolicyWorkspace.Notebooks);
        var actual = InstructorBindings.Compute(padded, PolicyWorkspace.Notebooks);

        // Only a cell of nothing but directives and usings (the set-up) compiles to no code.
        Assert.True(expected.Values.Count(m => m.Code is not null) >= expected.Count - 1, notebook);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (id, meaning) in expected)
        {
            // Line by line, so a failure shows the first declaration or method body that differs.
            Assert.Equal((id + meaning.Code).Split('\n'), (id + actual[id].Code).Split('\n'));
        }
    }

    [Fact]
    public void AnAnswerWrittenDifferentlyInMoreCells_TheTestCompilesToTheSameCode()
    {
        Assert.Equal(
            LastCellCode(("student", "static int Square(int x) => x * x;"), ("cell:tests", Test)),
            LastCellCode(
                ("student", "var scratch = 1;"),
                ("student", "static int Square(int x)\n{\n    var y = x * x;\n    return y;\n}"),
                ("student", "Console.WriteLine(scratch);"),
                ("cell:tests", Test)));
    }

    [Theory]
    [InlineData("static long Square(int x) => (long)x * x;")]
    [InlineData("static int Square(int x) => x * x;\nstatic class Math { public static double Sqrt(double x) => 2; }")]
    [InlineData("static int Square(int x) => x * x;\nstatic int Sum(this IEnumerable<int> xs) => 3;")]
    [InlineData("static int Square(int x) => x * x;\nclass FakeMath { public static double Sqrt(double x) => 2; }",
        "using Math = FakeMath;")]
    public void SomethingOfTheStudentsInPlaceOfWhatTheTestUses_TheTestCompilesToOtherCode(params string[] answer)
    {
        Assert.NotEqual(
            LastCellCode(("student", "static int Square(int x) => x * x;"), ("cell:tests", Test)),
            LastCellCode([.. answer.Select(code => ("student", code)), ("cell:tests", Test)]));
    }

    [Fact]
    public void AnInstanceMethodForTheStaticStub_TheTestCompilesToOtherCode()
    {
        // The call goes through the earlier cell's instance. The bindings are the same, so the review still accepts it
        // (LockedCellMeaningTests.AnInstanceMethodForTheStaticStub_…): a difference here only means "compare bindings".
        Assert.NotEqual(
            LastCellCode(("student", "static int Square(int x) => x * x;"), ("cell:tests", Test)),
            LastCellCode(("student", "int Square(int x) => x * x;"), ("cell:tests", Test)));
    }

    [Fact]
    public void ALockedHelperRedeclaredByTheStudent_TheTestThatUsesItCompilesToOtherCode()
    {
        const string helper = "static bool Close(double a, double b) => Math.Abs(a - b) < 1e-6;";
        const string test = "Close(Math.Sqrt(4.0), 2.0)";
        Assert.NotEqual(
            LastCellCode(("cell:helpers", helper), ("cell:tests", test)),
            LastCellCode(
                ("cell:helpers", helper),
                ("student", "static bool Close(double a, double b) => true;"),
                ("cell:tests", test)));
    }

    // Compiles the cells as one chain (each labelled with the scope that wrote it) and writes out the last one's code.
    private static string LastCellCode(params (string Scope, string Code)[] cells)
    {
        var chain = ScriptChain.Start(PolicyWorkspace.Notebooks);
        var scopes = new ChainScopes(chain);
        CompiledCell? last = null;
        for (var index = 0; index < cells.Length; index++)
        {
            last = chain.Compile(cells[index].Code);
            Assert.True(last.Compiles, $"cell {index} does not compile: {last.ErrorText}");
            scopes.Add(last, new DeclarationScope(cells[index].Scope, index));
            chain.Append(last);
        }

        return CompiledMeaning.Of(last!.Emit(), scopes.OfAssembly)
            ?? throw new InvalidOperationException("The last cell has no compiled code.");
    }
}
