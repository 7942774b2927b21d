using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace NotebookEngine;

/// <summary>
/// What Plotly.NET.Interactive registers: a chart displays as <c>text/html</c>, a <c>&lt;div id=…&gt;</c> plus a script
/// that loads plotly.js through require.js and calls <c>Plotly.newPlot</c>. Plotly.NET.Interactive itself cannot load
/// here (it needs the deprecated Microsoft.DotNet.Interactive package), so the engine does the same in its place.
/// </summary>
internal static class ChartFormatter
{
    /// <summary>The plotly.js that Plotly.NET.Interactive points require.js at (Plotly.NET's Globals.PLOTLYJS_VERSION).</summary>
    public const string PlotlyRequirePath = "https://cdn.plot.ly/plotly-2.27.1.min";

    public static void Register() =>
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToHtml(chart)), "text/html");

    public static string ToHtml(GenericChart chart)
    {
        var withRequire = Chart.withDisplayOptionsStyle(null, null, null, null, null, null,
            PlotlyJSReference.NewRequire(PlotlyRequirePath)).Invoke(chart);
        return GenericChart.toChartHTML(withRequire);
    }
}
