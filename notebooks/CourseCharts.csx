// The course's chart helpers, in one place. Every notebook loads this file right after its set-up cell:
//
//     #load "CourseCharts.csx"
//
// so a cell says *what* it plots (CourseCharts.Heatmap("Offsets", matrix, "col", "row")) instead of Plotly's
// generic parameters. The set-up cell's `#r "nuget: Plotly.NET.CSharp, 0.14.0"` provides Plotly.NET 6; everything
// Plotly's C# layer cannot express (titles, bar mode, error bars, arrows) is set here on Plotly's own objects.
// Every chart has a fixed small size, a title and labelled axes, and stays far below the notebook output cap:
// histograms are binned here, so a chart carries a few hundred numbers, not the raw values.
using Plotly.NET.CSharp;

/// <summary>Titled, labelled, small Plotly charts for the course notebooks.</summary>
public static class CourseCharts
{
    // Colour-blind-safe (Okabe–Ito) colours; with the dash styles and marker symbols below, overlapping curves stay
    // distinguishable even when they lie exactly on top of each other or are printed in grey.
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
    private static readonly Plotly.NET.StyleParam.DrawingStyle[] Dashes =
    [
        Plotly.NET.StyleParam.DrawingStyle.Solid, Plotly.NET.StyleParam.DrawingStyle.Dash,
        Plotly.NET.StyleParam.DrawingStyle.Dot, Plotly.NET.StyleParam.DrawingStyle.DashDot,
    ];
    private static readonly Plotly.NET.StyleParam.MarkerSymbol[] Symbols =
    [
        Plotly.NET.StyleParam.MarkerSymbol.Circle, Plotly.NET.StyleParam.MarkerSymbol.Square,
        Plotly.NET.StyleParam.MarkerSymbol.Diamond, Plotly.NET.StyleParam.MarkerSymbol.Cross,
    ];

    /// <summary>The colour of series number <paramref name="index"/> (the same one every chart uses).</summary>
    public static string ColorOf(int index) => Palette[index % Palette.Length];

    /// <summary>
    /// Counts of values per bin, one outlined bar series per named group, overlaid. The bins are computed here
    /// (<paramref name="bins"/> equal-width bins over the range of all series), so the chart holds bins × series numbers.
    /// </summary>
    public static Plotly.NET.GenericChart Histogram(string title, string valueTitle,
        IEnumerable<(string Name, float[] Values)> series, int bins = 60)
    {
        var groups = series.ToList();
        var all = groups.SelectMany(g => g.Values).ToArray();
        if (all.Length == 0 || bins < 1)
        {
            throw new ArgumentException($"Histogram '{title}' needs at least one value and one bin; got {all.Length} values and {bins} bins.");
        }

        double min = all.Min(), max = all.Max();
        var width = max > min ? (max - min) / bins : 1.0;
        var centres = Enumerable.Range(0, bins).Select(b => min + (b + 0.5) * width).ToArray();
        var charts = groups.Select((g, i) =>
        {
            var counts = new int[bins];
            foreach (var v in g.Values)
            {
                counts[Math.Clamp((int)((v - min) / width), 0, bins - 1)]++;
            }

            return Chart.Column<int, double, string>(values: counts, Keys: centres, Name: g.Name, Opacity: 0.55,
                MarkerColor: Plotly.NET.Color.fromString(ColorOf(i)));
        });
        var chart = Styled(Chart.Combine(charts), title, valueTitle, $"count per bin (bin width {width:G3})");
        chart.GetLayout().SetProperty("barmode", "overlay");
        chart.GetLayout().SetProperty("bargap", 0);
        return chart;
    }

    /// <summary>
    /// A matrix as a heatmap in matrix orientation: row 0 at the top, as a printed matrix reads, columns left to right.
    /// </summary>
    public static Plotly.NET.GenericChart Heatmap(string title, float[,] matrix, string columnTitle, string rowTitle,
        int width = 650, int height = 400) =>
        Heatmap(title, Enumerable.Range(0, matrix.GetLength(0))
            .Select(r => Enumerable.Range(0, matrix.GetLength(1)).Select(c => (double)matrix[r, c]).ToArray()).ToArray(),
            columnTitle, rowTitle, width, height);

    /// <summary>A matrix given as its rows, as a heatmap with row 0 at the top.</summary>
    public static Plotly.NET.GenericChart Heatmap(string title, double[][] rows, string columnTitle, string rowTitle,
        int width = 650, int height = 400)
    {
        var chart = Chart.Heatmap<double, int, int, string>(zData: rows,
            X: Enumerable.Range(0, rows.Length == 0 ? 0 : rows[0].Length).ToArray(), Y: Enumerable.Range(0, rows.Length).ToArray(),
            ReverseYAxis: true);
        return Styled(chart, title, columnTitle, rowTitle, width, height);
    }

    /// <summary>
    /// Named curves y(x) on one chart, each with its own colour, dash style and marker, so curves that coincide stay
    /// visible as two. <paramref name="logX"/>/<paramref name="logY"/> switch an axis to a log scale.
    /// </summary>
    public static Plotly.NET.GenericChart Lines(string title, string xTitle, string yTitle,
        IEnumerable<(string Name, double[] X, double[] Y)> curves, bool logX = false, bool logY = false)
    {
        var charts = curves.Select((c, i) => Curve(c.Name, c.X, c.Y, i));
        return Styled(Chart.Combine(charts), title, xTitle, yTitle, logX: logX, logY: logY);
    }

    /// <summary>
    /// Named curves with a spread around each point: the line goes through <c>Y</c> (e.g. the median of repeated
    /// measurements) and the error bar reaches from <c>Low</c> to <c>High</c> (e.g. the fastest and slowest run).
    /// </summary>
    public static Plotly.NET.GenericChart LinesWithErrorBars(string title, string xTitle, string yTitle,
        IEnumerable<(string Name, double[] X, double[] Y, double[] Low, double[] High)> curves, bool logX = false, bool logY = false)
    {
        var charts = curves.Select((c, i) =>
        {
            if (c.Low.Length != c.Y.Length || c.High.Length != c.Y.Length)
            {
                throw new ArgumentException($"Curve '{c.Name}': Y, Low and High need one value per point ({c.Y.Length}, {c.Low.Length}, {c.High.Length}).");
            }

            var error = new Plotly.NET.TraceObjects.Error();
            error.SetProperty("type", "data");
            error.SetProperty("symmetric", false);
            error.SetProperty("array", c.High.Zip(c.Y, (h, y) => Math.Max(0, h - y)).ToArray());
            error.SetProperty("arrayminus", c.Y.Zip(c.Low, (y, l) => Math.Max(0, y - l)).ToArray());
            error.SetProperty("visible", true);
            return Plotly.NET.Chart.withYError(error).Invoke(Curve(c.Name, c.X, c.Y, i));
        });
        return Styled(Chart.Combine(charts), title, xTitle, yTitle, logX: logX, logY: logY);
    }

    /// <summary>A training loss per step (or epoch), starting at step 1.</summary>
    public static Plotly.NET.GenericChart LossCurve(string title, IReadOnlyList<double> losses, string stepTitle = "epoch",
        string lossTitle = "loss") =>
        Lines(title, stepTitle, lossTitle, [("loss", Enumerable.Range(1, losses.Count).Select(s => (double)s).ToArray(), losses.ToArray())]);

    /// <summary>
    /// Labelled points, one colour per group (each label written next to its point, not only on hover), and optional
    /// arrows from one labelled point to another (e.g. man → woman and king → queen, to show parallel offsets).
    /// </summary>
    public static Plotly.NET.GenericChart LabelledScatter(string title, string xTitle, string yTitle,
        IEnumerable<(string Label, double X, double Y, string Group)> points, IEnumerable<(string From, string To)>? arrows = null,
        int width = 650, int height = 500)
    {
        var list = points.ToList();
        var charts = list.GroupBy(p => p.Group).Select((g, i) => Chart.Point<double, double, string>(
            x: g.Select(p => p.X).ToArray(), y: g.Select(p => p.Y).ToArray(), Name: g.Key,
            MultiText: g.Select(p => p.Label).ToArray(), TextPosition: Plotly.NET.StyleParam.TextPosition.TopCenter,
            MarkerColor: Plotly.NET.Color.fromString(ColorOf(i)), MarkerSymbol: Symbols[i % Symbols.Length]));
        var chart = Chart.Combine(charts);
        foreach (var trace in chart.GetTraces())
        {
            trace.SetProperty("mode", "markers+text");   // Chart.Point shows text on hover only
        }

        var byLabel = list.GroupBy(p => p.Label).ToDictionary(g => g.Key, g => g.First());
        var annotations = (arrows ?? []).Select(a => Arrow(Find(byLabel, a.From, title), Find(byLabel, a.To, title))).ToList();
        chart.GetLayout().SetProperty("annotations", annotations);
        return Styled(chart, title, xTitle, yTitle, width, height);
    }

    private static (string Label, double X, double Y, string Group) Find(
        Dictionary<string, (string Label, double X, double Y, string Group)> byLabel, string label, string title) =>
        byLabel.TryGetValue(label, out var point) ? point
            : throw new ArgumentException($"Chart '{title}': an arrow names '{label}', which is not one of the points ({string.Join(", ", byLabel.Keys)}).");

    private static Plotly.NET.LayoutObjects.Annotation Arrow((string Label, double X, double Y, string Group) from,
        (string Label, double X, double Y, string Group) to)
    {
        // An annotation with no text drawn from (ax, ay) to (x, y), both in data coordinates.
        var arrow = new Plotly.NET.LayoutObjects.Annotation();
        foreach (var (key, value) in new (string, object)[]
                 {
                     ("x", to.X), ("y", to.Y), ("ax", from.X), ("ay", from.Y), ("xref", "x"), ("yref", "y"),
                     ("axref", "x"), ("ayref", "y"), ("text", ""), ("showarrow", true), ("arrowhead", 2),
                     ("arrowwidth", 1.5), ("arrowcolor", "#555555"), ("standoff", 4),
                 })
        {
            arrow.SetProperty(key, value);
        }

        return arrow;
    }

    private static Plotly.NET.GenericChart Curve(string name, double[] x, double[] y, int index)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Curve '{name}': {x.Length} x values but {y.Length} y values; give one y per x.");
        }

        return Chart.Line<double, double, string>(x: x, y: y, Name: name, ShowMarkers: true,
            LineColor: Plotly.NET.Color.fromString(ColorOf(index)), LineDash: Dashes[index % Dashes.Length],
            MarkerColor: Plotly.NET.Color.fromString(ColorOf(index)), MarkerSymbol: Symbols[index % Symbols.Length]);
    }

    private static Plotly.NET.GenericChart Styled(Plotly.NET.GenericChart chart, string title, string xTitle, string yTitle,
        int width = 650, int height = 380, bool logX = false, bool logY = false)
    {
        var styled = chart
            .WithXAxisStyle<double, double, string>(TitleText: xTitle, AxisType: logX ? Plotly.NET.StyleParam.AxisType.Log : Plotly.NET.StyleParam.AxisType.Linear)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: logY ? Plotly.NET.StyleParam.AxisType.Log : Plotly.NET.StyleParam.AxisType.Linear)
            .WithSize(width, height);
        return Plotly.NET.Chart.withTitle(title, null).Invoke(styled);
    }
}
