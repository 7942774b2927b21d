using NotebookEngine;

namespace Engine.Tests;

/// <summary>Outputs: streams, return values as display_data, numeric return values, the output limit
/// (docs/notebook-dialect.md §4, §6).</summary>
public class OutputTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private const string HtmlTwo = "<div class=\"dni-plaintext\"><pre>2</pre></div>";

    [Fact]
    public async Task WritesAndADisplay_WhenTheCellRuns_StreamsMergePerRunAndKeepTheirOrderWithTheDisplay()
    {
        var result = (await fixture.RunAsync(
            "Console.Write(\"a\"); Console.Write(\"b\"); Console.Error.Write(\"e\"); display(\"shown\"); " +
            "Console.WriteLine(\"c\");"))[0];
        Assert.Collection(result.Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "ab"), o),
            o => Assert.Equal(new StreamOutput("stderr", "e"), o),
            o => Assert.Equal("shown", Assert.IsType<DisplayDataOutput>(o).Data["text/plain"]),
            o => Assert.Equal(new StreamOutput("stdout", "c\n"), o));
    }

    [Fact]
    public async Task ATrailingString_DisplaysAsPlainTextOnly_Unescaped()
    {
        var result = (await fixture.RunAsync("\"hello <b>\""))[0];
        var data = Assert.IsType<DisplayDataOutput>(Assert.Single(result.Outputs)).Data;
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "hello <b>" }, data);
        Assert.Equal("hello <b>", result.ReturnValue);
    }

    [Fact]
    public async Task ATrailingNumber_DisplaysAsHtmlOnly()
    {
        var result = (await fixture.RunAsync("1 + 1"))[0];
        var data = result.Display().Data;
        Assert.Equal(["text/html"], data.Keys);
        Assert.StartsWith(HtmlTwo + "<style>", data["text/html"]);
    }

    [Fact]
    public async Task ATrailingObject_DisplaysAsAnHtmlTreeView()
    {
        var result = (await fixture.RunAsync("new { a = 1, b = \"x\" }"))[0];
        Assert.StartsWith("<details open=\"open\" class=\"dni-treeview\"><summary>" +
                          "<span class=\"dni-code-hint\"><code>{ a = 1, b = x }</code></span></summary>",
            result.Display().Data["text/html"]);
    }

    [Fact]
    public async Task OutputAndATrailingExpression_TheReturnValueComesLast()
    {
        var result = (await fixture.RunAsync("Console.Write(\"first\");\n1 + 1"))[0];
        Assert.IsType<StreamOutput>(result.Outputs[0]);
        Assert.StartsWith(HtmlTwo, Assert.IsType<DisplayDataOutput>(result.Outputs[1]).Data["text/html"]);
    }

    [Fact]
    public async Task AVoidCallOrAStatement_ThereIsNoReturnValue()
    {
        var results = await fixture.RunAsync("Console.Write(\"x\")", "var statement = 3;");
        Assert.False(results[0].HasReturnValue);
        Assert.Equal([new StreamOutput("stdout", "x")], results[0].Outputs);
        Assert.False(results[1].HasReturnValue);
        Assert.Empty(results[1].Outputs);
    }

    [Fact]
    public async Task ATrailingNull_IsAReturnValueShownAsNull()
    {
        var result = (await fixture.RunAsync("null as object"))[0];
        Assert.True(result.HasReturnValue);
        Assert.Null(result.ReturnValue);
        Assert.StartsWith(
            "<div class=\"dni-plaintext\"><pre>&lt;null&gt;</pre></div>",
            result.Display().Data["text/html"]);
    }

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData("7L", 7.0)]
    [InlineData("2.5f", 2.5)]
    [InlineData("0.25", 0.25)]
    [InlineData("1.5m", 1.5)]
    [InlineData("return 4;", 4.0)]
    public async Task ATrailingNumber_IsTheNumericReturnValue(string cell, double expected)
    {
        Assert.Equal(expected, (await fixture.RunAsync(cell))[0].NumericReturnValue);
    }

    [Theory]
    [InlineData("\"3\"")]
    [InlineData("var notReturned = 3;")]
    public async Task NoTrailingNumber_ThereIsNoNumericReturnValue(string cell)
    {
        Assert.Null((await fixture.RunAsync(cell))[0].NumericReturnValue);
    }

    [Fact]
    public async Task MoreOutputThanTheLimit_TheTextIsCutAtTheLimitWithANote()
    {
        var options = new SessionOptions { WorkingDirectory = Path.GetTempPath(), OutputLimitBytes = 1024 };
        var results = await Cells.RunInAsync(options,
            "for (var i = 0; i < 10_000; i++) Console.Write(\"xxxxxxxxxx\");",
            "Console.Write(new string('é', 600)); Console.Write(\"dropped\");");
        Assert.Equal(new string('x', 1024), results[0].Text());
        Assert.Equal(
            "\n[output truncated: this cell printed more than 1 KiB; the rest was dropped]\n",
            results[0].Text("stderr"));
        // The limit counts UTF-8 bytes, as the notebook file stores them: 'é' takes two.
        Assert.Equal(new string('é', 512), results[1].Text());
    }
}
