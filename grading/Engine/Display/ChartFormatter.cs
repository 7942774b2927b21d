using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace NotebookEngine;

/// <summary>
/// What Plotly.NET.Interactive registers, in a form every notebook front end draws: a chart displays as
/// <c>text/html</c>, a <c>&lt;div id=…&gt;</c> plus a script that calls <c>Plotly.newPlot</c> once plotly.js is there,
/// and as a one-line <c>text/plain</c> naming its traces for consoles and text views.
/// Plotly.NET.Interactive itself cannot load here (it needs the deprecated Microsoft.DotNet.Interactive package).
/// </summary>
/// <remarks>
/// Plotly.NET's own script loads plotly.js through require.js, which only the classic Notebook page has; JupyterLab and
/// VS Code would first have to fetch require.js. Here the script uses plotly.js when the page has it, require.js when
/// the page has that (classic Notebook, nbconvert's HTML: plotly.js registers as an AMD module there; no load timeout,
/// plotly.js is 3.5 MB), and otherwise a
/// plain script element (JupyterLab, VS Code).
/// </remarks>
internal static partial class ChartFormatter
{
    /// <summary>The plotly.js the chart loads (Plotly.NET's Globals.PLOTLYJS_VERSION),
    /// without ".js" as require.js wants it.</summary>
    public const string PlotlyPath = "https://cdn.plot.ly/plotly-2.27.1.min";

    public static void Register()
    {
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToHtml(chart)), "text/html");
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(Summary(chart)), "text/plain");
        // text/plain beside the HTML: a console or a text-only view shows one line instead of nothing, and `run` and
        // the kernel write the same bundle (the kernel adds text/plain to results that lack it).
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), "text/html", "text/plain");
    }

    /// <summary>One line naming the chart's trace types, instead of Plotly.NET's dump of every data point.</summary>
    public static string Summary(GenericChart chart)
    {
        var types = GenericChart.getTraces(chart).Select(trace => trace.type).ToList();
        var kinds = string.Join(", ", types.Distinct());
        return $"Plotly chart: {(kinds.Length == 0 ? "empty" : kinds)}, " +
               $"{types.Count} trace{(types.Count == 1 ? "" : "s")}";
    }

    public static string ToHtml(GenericChart chart)
    {
        var bare = Chart
            .withDisplayOptionsStyle(null, null, null, null, null, null, PlotlyJSReference.NoReference)
            .Invoke(chart);
        var html = GenericChart.toChartHTML(bare);
        // Plotly.NET defines `var renderPlotly_<id> = function() {…}` and calls it at once;
        // call it when plotly.js is loaded instead.
        var name = RenderFunction().Match(html).Groups[1].Value;
        return Regex.Replace(html, $@"\b{name}\(\);", Loader(name), RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    // One line of the loader below, kept apart so the source stays within 120 characters and the script is unchanged.
    private const string RequirePlotly =
        "requirejs.config({ context: 'course-plotly', waitSeconds: 0, paths: { plotly: '" + PlotlyPath + "' } })";

    private static string Loader(string render) => $$"""
        (function () {
            if (window.Plotly) { {{render}}(); return; }
            if (typeof requirejs === 'function' && typeof requirejs.config === 'function') {
                {{RequirePlotly}}(['plotly'], function (Plotly) {
                    window.Plotly = Plotly;
                    {{render}}();
                });
                return;
            }
            var script = document.createElement('script');
            script.src = '{{PlotlyPath}}.js';
            script.onload = function () { {{render}}(); };
            document.head.appendChild(script);
        })();
        """;

    [GeneratedRegex(@"var (renderPlotly_[0-9a-f]+) = function\(\)")]
    private static partial Regex RenderFunction();
}
