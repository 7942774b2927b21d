using NotebookEngine;

namespace Engine.Tests;

/// <summary>Dialect §3 display API: display, Display, DisplayAs, HTML, DisplayedValue.Update, charts.</summary>
public class DisplayTests
{
    [Fact]
    public async Task DisplayHelpers_ProduceDisplayDataWithTheirMimeTypes()
    {
        var result = (await Cells.RunAsync("""
            display("plain");
            "<b>bold</b>".DisplayAs("text/html");
            HTML("<i>raw</i>").Display();
            42.Display("text/plain");
            """))[0];
        Assert.Equal("plain", result.Display(0).Data["text/plain"]);
        Assert.Equal("<b>bold</b>", result.Display(1).Data["text/html"]);
        Assert.Equal("<i>raw</i>", result.Display(2).Data["text/html"]);
        Assert.Equal("42", result.Display(3).Data["text/plain"]);
    }

    [Fact]
    public async Task Update_ReplacesTheEarlierOutputInPlace()
    {
        var result = (await Cells.RunAsync("var shown = display(\"0\", \"text/plain\"); Console.Write(\"between\"); shown.Update(\"3\");"))[0];
        Assert.Equal(2, result.Outputs.Count);
        Assert.Equal("3", result.Display().Data["text/plain"]);
        Assert.IsType<StreamOutput>(result.Outputs[1]);
    }

    [Fact]
    public async Task PlotlyChart_DisplaysAsRequireJsHtmlLikePlotlyNetInteractive()
    {
        var results = await Cells.RunAsync("""
            #r "nuget: Plotly.NET.CSharp, 0.14.0"
            #r "nuget: Plotly.NET.Interactive, 6.0.0"
            """, """
            using Plotly.NET.CSharp;
            Chart.Line<double, double, string>(x: new[] { 1.0, 2 }, y: new[] { 3.0, 4 })
            """);
        Assert.Equal(CellStatus.Succeeded, results[0].Status);
        Assert.Contains("Plotly.NET.CSharp, 0.14.0", results[0].Display().Data["text/html"]);
        var html = results[1].Display().Data["text/html"];
        Assert.Contains("Plotly.newPlot(", html);
        Assert.Contains("https://cdn.plot.ly/plotly-2.27.1.min", html);
        Assert.Contains("require", html);
        Assert.Matches("<div id=\"[0-9a-f-]{36}\"", html);
    }

    [Fact]
    public async Task TimeDirective_AddsWallTime_AndMarkdownCellsRenderWithoutRunning()
    {
        var results = await Cells.RunAsync("#!time\nConsole.Write(1);", "#!markdown\n# Title\nnot code;");
        Assert.Matches(@"^Wall time: [0-9.]+ms$", results[0].Display().Data["text/plain"]);
        Assert.Equal("<h1 id=\"title\">Title</h1>\n<p>not code;</p>\n", results[1].Display().Data["text/html"]);
    }
}
