using NotebookEngine;

namespace Engine.Tests;

/// <summary>The display API (display, Display, DisplayAs, DisplayTable, HTML, Javascript, CSS, Update) and charts:
/// docs/notebook-dialect.md §5.</summary>
public class DisplayTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public async Task TheDisplayHelpers_EachProducesDisplayDataWithItsMimeType()
    {
        var result = (await fixture.RunAsync("""
            display("plain");
            "<b>bold</b>".DisplayAs("text/html");
            HTML("<i>raw</i>").Display();
            42.Display("text/plain");
            display(42);
            """))[0];
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "plain" }, result.Display(0).Data);
        Assert.Equal(new Dictionary<string, string> { ["text/html"] = "<b>bold</b>" }, result.Display(1).Data);
        Assert.Equal(new Dictionary<string, string> { ["text/html"] = "<i>raw</i>" }, result.Display(2).Data);
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "42" }, result.Display(3).Data);
        Assert.Equal(["text/html"], result.Display(4).Data.Keys);
        Assert.All(result.Outputs, o => Assert.NotNull(Assert.IsType<DisplayDataOutput>(o).DisplayId));
    }

    [Fact]
    public async Task HtmlAsTheTrailingExpression_IsShownUnencoded()
    {
        var result = (await fixture.RunAsync("HTML(\"<p>hi</p>\")"))[0];
        Assert.Equal(new Dictionary<string, string> { ["text/html"] = "<p>hi</p>" }, result.Display().Data);
    }

    [Fact]
    public async Task Javascript_DisplaysAScriptElement()
    {
        var result = (await fixture.RunAsync("Javascript(\"console.log(1)\");"))[0];
        Assert.Equal("<script type=\"text/javascript\">console.log(1)</script>", result.Display().Data["text/html"]);
    }

    [Fact]
    public async Task Css_DisplaysAScriptThatAddsAStyleElement()
    {
        var html = (await fixture.RunAsync("CSS(\"h1 { color: red; }\");"))[0].Display().Data["text/html"];
        Assert.StartsWith("<script type=\"text/javascript\">", html);
        Assert.Contains("var css = 'h1 { color: red; }'", html);
        Assert.Contains("document.createElement('style')", html);
    }

    [Fact]
    public async Task Update_TheEarlierOutputIsReplacedInPlace_WithTheOriginalMimeTypes()
    {
        var result = (await fixture.RunAsync(
            "var shown = display(\"0\", \"text/plain\"); Console.Write(\"between\"); shown.Update(3);\n" +
            "shown.DisplayId"))[0];
        Assert.Equal(3, result.Outputs.Count);
        var updated = Assert.IsType<DisplayDataOutput>(result.Outputs[0]);
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "3" }, updated.Data);
        Assert.Equal(result.ReturnValue, updated.DisplayId);
        Assert.Equal(new StreamOutput("stdout", "between"), result.Outputs[1]);
    }

    [Fact]
    public async Task DisplayTable_RowsShowAsAnHtmlTableWithAColumnPerPropertyAndAsCsv()
    {
        var data = (await fixture.RunAsync(
            "new[] { new { A = 1, B = \"x\" }, new { A = 2, B = \"y\" } }.DisplayTable();"))[0].Display().Data;
        Assert.Equal(["text/html", "text/csv"], data.Keys);
        Assert.StartsWith(
            "<table><thead><tr><td><span>A</span></td><td><span>B</span></td></tr></thead>",
            data["text/html"]);
        Assert.StartsWith("A,B", data["text/csv"]);
        Assert.Contains("2,y", data["text/csv"]);
    }

    [Fact]
    public async Task ATrailingPlotlyChart_ShowsAsHtmlLoadingPlotlyWithOrWithoutRequireJsAndOneLineOfText()
    {
        var results = await fixture.RunAsync("""
            #r "nuget: Plotly.NET.CSharp, 0.14.0"
            #r "nuget: Plotly.NET.Interactive, 6.0.0"
            """, """
            using Plotly.NET.CSharp;
            Chart.Line<double, double, string>(x: new[] { 1.0, 2 }, y: new[] { 3.0, 4 })
            """);
        Assert.Equal(CellStatus.Succeeded, results[0].Status);
        Assert.Contains("<li><span>Plotly.NET.CSharp, 0.14.0</span></li>", results[0].Display().Data["text/html"]);
        var data = results[1].Display().Data;
        Assert.Equal(["text/html", "text/plain"], data.Keys.Order());
        Assert.Equal("Plotly chart: scatter, 1 trace", data["text/plain"]);
        var html = data["text/html"];
        var id = System.Text.RegularExpressions.Regex.Match(html, "<div id=\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Contains("<script type=\"text/javascript\">", html);
        // Classic Notebook and nbconvert pages have require.js; JupyterLab and VS Code get a plain script element.
        Assert.Contains("waitSeconds: 0, paths: { plotly: 'https://cdn.plot.ly/plotly-2.27.1.min' }", html);
        Assert.Contains("script.src = 'https://cdn.plot.ly/plotly-2.27.1.min.js';", html);
        Assert.Contains("if (window.Plotly) { renderPlotly_", html);
        Assert.DoesNotContain("require.min.js", html);
        Assert.Contains($"Plotly.newPlot('{id}', data, layout, config)", html);
        Assert.Contains("\"x\":[1.0,2.0]", html);
    }

    [Fact]
    public async Task ADisplayedChartOfTwoTraceTypes_ItsTextNamesBothAndCountsTheTraces()
    {
        var results = await fixture.RunAsync("""
            #r "nuget: Plotly.NET.CSharp, 0.14.0"
            """, """
            using Plotly.NET.CSharp;
            var line = Chart.Line<double, double, string>(x: new[] { 1.0, 2 }, y: new[] { 3.0, 4 });
            var bars = Chart.Column<double, string, string>(values: new[] { 1.0, 2 }, Keys: new[] { "a", "b" });
            Chart.Combine(new[] { line, line, bars }).Display();
            """);
        Assert.Equal(CellStatus.Succeeded, results[1].Status);
        Assert.Equal("Plotly chart: scatter, bar, 3 traces", results[1].Display().Data["text/plain"]);
    }
}
