using NotebookEngine;

namespace Engine.Tests;

/// <summary>Dialect §3: imports, references, state, failures. Expected texts are written from the dialect, not captured.</summary>
public class ExecutionSemanticsTests
{
    [Fact]
    public async Task DefaultImports_AreTheKernelsSix()
    {
        var results = await Cells.RunAsync("""
            var sb = new StringBuilder("a"); var list = new List<int> { 3, 1 }; IEnumerable e = list;
            Console.Write(sb.Append(list.OrderBy(x => x).First()).ToString() + (Task.CompletedTask.IsCompleted ? "!" : "?"));
            """);
        Assert.Equal(CellStatus.Succeeded, results[0].Status);
        Assert.Equal("a1!", results[0].Text());
    }

    [Fact]
    public async Task SystemTextJson_WorksWithoutR_BecauseReferencesAreAssemblies()
    {
        var results = await Cells.RunAsync("Console.Write(System.Text.Json.JsonSerializer.Serialize(new[] { 1, 2 }));");
        Assert.Equal("[1,2]", results[0].Text());
    }

    [Fact]
    public async Task State_CarriesAcrossCells()
    {
        var results = await Cells.RunAsync("var x = 41;", "int Next(int v) => v + 1;", "Console.Write(Next(x));");
        Assert.Equal("42", results[2].Text());
    }

    [Fact]
    public async Task CompileError_IsFormattedLikeTheKernel_AndLeavesStateUnchanged()
    {
        var results = await Cells.RunAsync("var x = 1;", "var x = \"changed\";\nvar z = y;", "Console.Write(x);");
        Assert.Equal(CellStatus.CompilationError, results[1].Status);
        Assert.Equal("(2,9): error CS0103: The name 'y' does not exist in the current context", results[1].Error().EValue);
        Assert.Equal("Error", results[1].Error().EName);
        Assert.Equal("1", results[2].Text());
    }

    [Fact]
    public async Task RuntimeError_KeepsWhatTheCellDeclaredBeforeTheThrow_AndTheRunContinues()
    {
        var results = await Cells.RunAsync("int y = 5; Console.Write(\"before\"); throw new InvalidOperationException(\"oops!\");", "Console.Write(y);");
        Assert.Equal(CellStatus.RuntimeError, results[0].Status);
        Assert.StartsWith("System.InvalidOperationException: oops!", results[0].Error().EValue);
        Assert.Equal("oops!", results[0].Failure!.Message);
        Assert.Equal("before", results[0].Text());
        Assert.Equal("5", results[1].Text());
    }

    [Fact]
    public async Task Streams_AreMergedPerStream_AndOrderedWithDisplays()
    {
        var result = (await Cells.RunAsync("Console.Write(\"a\"); Console.Write(\"b\"); Console.Error.Write(\"e\"); display(\"shown\"); Console.WriteLine(\"c\");"))[0];
        Assert.Collection(result.Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "ab"), o),
            o => Assert.Equal(new StreamOutput("stderr", "e"), o),
            o => Assert.Equal("shown", Assert.IsType<DisplayDataOutput>(o).Data["text/plain"]),
            o => Assert.Equal(new StreamOutput("stdout", "c\n"), o));
    }

    [Fact]
    public async Task TrailingExpression_IsAReturnValue_StringsAsPlainTextOthersAsHtml()
    {
        var results = await Cells.RunAsync("\"hello <b>\"", "1 + 1", "Console.WriteLine(\"x\")", "var v = 3;");
        Assert.Equal("hello <b>", results[0].Display().Data["text/plain"]);
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>2</pre></div>", results[1].Display().Data["text/html"]);
        Assert.Equal(2.0, results[1].NumericReturnValue);
        Assert.False(results[2].HasReturnValue);
        Assert.False(results[3].HasReturnValue);
        Assert.Empty(results[3].Outputs);
    }

    [Fact]
    public async Task Timeout_FailsTheCell_AndTheNextCellStillRuns()
    {
        var results = await Cells.RunInAsync(Path.GetTempPath(), TimeSpan.FromSeconds(1), "var before = 7;", "while (true) { }", "Console.Write(before);");
        Assert.Equal(CellStatus.TimedOut, results[1].Status);
        Assert.Equal("Cell timed out after 1 s: look for a loop that never ends.", results[1].Error().EValue);
        Assert.Equal("7", results[2].Text());
    }

    [Fact]
    public async Task Output_BeyondTheLimit_IsCutWithANote()
    {
        var options = new SessionOptions { WorkingDirectory = Path.GetTempPath(), OutputLimitBytes = 1000 };
        await using var session = await NotebookSession.StartAsync(options);
        var result = await session.ExecuteAsync("for (var i = 0; i < 10_000; i++) Console.Write(\"xxxxxxxxxx\");");
        Assert.Equal(500, result.Text().Length);
        Assert.Contains("[output truncated", result.Text("stderr"));
    }
}
