using NotebookEngine;

namespace Engine.Tests;

/// <summary>Session rules: language options, imports, references, state (docs/notebook-dialect.md §2). Expected values
/// are those of .NET Interactive's C# kernel.</summary>
public class ExecutionSemanticsTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public async Task NoUsings_WhenACellUsesTheKernelsSixNamespaces_Compiles()
    {
        var result = (await fixture.RunAsync("""
            var sb = new StringBuilder("a"); var list = new List<int> { 3, 1 }; IEnumerable e = list;
            Console.Write(sb.Append(list.OrderBy(x => x).First()).ToString()
                + (Task.CompletedTask.IsCompleted ? "!" : "?"));
            """))[0];
        Assert.Equal(CellStatus.Succeeded, result.Status);
        Assert.Equal("a1!", result.Text());
    }

    [Fact]
    public async Task NoReference_WhenACellUsesSystemTextJson_Works_BecauseReferencesAreAssemblies()
    {
        var result = (await fixture.RunAsync(
            "Console.Write(System.Text.Json.JsonSerializer.Serialize(new[] { 1, 2 }));"))[0];
        Assert.Equal("[1,2]", result.Text());
    }

    [Fact]
    public async Task EarlierCells_WhenALaterCellUsesTheirVariablesAndFunctions_StateCarriesOver()
    {
        var results = await fixture.RunAsync(
            "var carried = 41;",
            "int Next(int v) => v + 1;",
            "Console.Write(Next(carried));");
        Assert.Equal("42", results[2].Text());
    }

    [Fact]
    public async Task TheLatestLanguage_WhenACellUsesCSharp14AndUnsafeCode_Compiles()
    {
        var result = (await fixture.RunAsync("""
            class Doubler { public int P { get => field; set => field = value * 2; } }
            int[] numbers = [1, 2];
            var doubler = new Doubler { P = numbers[1] };
            unsafe { int local = doubler.P; int* pointer = &local; Console.Write(*pointer); }
            """))[0];
        Assert.Equal(CellStatus.Succeeded, result.Status);
        Assert.Equal("4", result.Text());
    }

    [Fact]
    public async Task TheNullableContextIsOff_WhenACellAnnotatesAReference_CompilesWithoutAnError()
    {
        var result = (await fixture.RunAsync("string? maybe = null; Console.Write(maybe is null);"))[0];
        Assert.Equal(CellStatus.Succeeded, result.Status);
        Assert.Equal("True", result.Text());
    }

    [Fact]
    public async Task TopLevelAwait_WhenTheCellEndsInAnExpression_IsTheReturnValue()
    {
        var result = (await fixture.RunAsync("await Task.Delay(1); 42"))[0];
        Assert.Equal(42.0, result.NumericReturnValue);
    }

    [Fact]
    public async Task ASession_ListsTheDirectivesItSupports()
    {
        Assert.Contains("#!time", fixture.Session.SupportedDirectives);
        Assert.Contains("#r \"nuget: Name, Version\"", fixture.Session.SupportedDirectives);
        await NotebookSession.WarmUpAsync();
    }
}
