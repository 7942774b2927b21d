namespace Grading.Export;

/// <summary>
/// The C# of <c>NotebookOutput</c>, the small class every exported file ends with: what a notebook front end shows,
/// printed or saved by a console app. <c>display(x)</c>, <c>x.Display()</c>, <c>x.DisplayAs(mime)</c>, <c>HTML(…)</c>
/// and a cell's trailing expression print the value as text; a Plotly chart is saved as an HTML page beside the .cs
/// file and its path printed; an unimplemented exercise stops the app with its name instead of a stack trace.
/// </summary>
internal static class OutputHelperSource
{
    /// <summary>
    /// The environment variable that makes the app print a marker line before each code cell (CI compares per cell).
    /// </summary>
    public const string CellMarkerVariable = "NOTEBOOK_CELL_MARKERS";

    /// <summary>The marker's text before the cell number.</summary>
    public const string CellMarker = "\u001e%% cell ";

    /// <summary>The exit code of an app stopped by a <c>NotImplementedException</c> (an exercise left to do).</summary>
    public const int UnimplementedExitCode = 3;

    /// <summary>
    /// The class's source; <paramref name="withCharts"/> adds Plotly chart saving (only when the file references
    /// Plotly.NET).
    /// </summary>
    public static string Source(bool withCharts) => Template
        .Replace("/*CHART*/", withCharts ? ChartBranch : "")
        .Replace("/*CHART_SUMMARY*/", withCharts ? ChartSummary : "")
        .Replace("/*MARKER_VARIABLE*/", CellMarkerVariable)
        .Replace("/*MARKER*/", CellMarker.Replace("\u001e", "\\u001e"))
        .Replace("/*EXIT*/", $"{UnimplementedExitCode}");

    private const string ChartBranch = """
                    case Plotly.NET.GenericChart chart:
                        Console.WriteLine(ChartSummary(chart));
                        SaveChart(Plotly.NET.GenericChart.toEmbeddedHTML(chart));
                        return;

        """;

    // The engine's one-line text/plain for a chart (ChartFormatter.Summary), so the app prints what `run` shows; the
    // export run test and .ci/export_compare.py hold the two to the same text.
    private const string ChartSummary = """
        private static string ChartSummary(Plotly.NET.GenericChart chart)
            {
                var types = System.Linq.Enumerable.ToList(
                    System.Linq.Enumerable.Select(Plotly.NET.GenericChart.getTraces(chart), trace => trace.type));
                var kinds = string.Join(", ", System.Linq.Enumerable.Distinct(types));
                var traces = types.Count == 1 ? "1 trace" : $"{types.Count} traces";
                return $"Plotly chart: {(kinds.Length == 0 ? "empty" : kinds)}, {traces}";
            }

        """;

    private const string Template = """
        /// <summary>
        /// What a notebook front end shows, for a console: values are printed as text, charts are saved as HTML pages
        /// beside this file (their paths printed). Written by `grader export`; the notebook's display(...) calls land
        /// here.
        /// </summary>
        static class NotebookOutput
        {
            private static int cell;
            private static int chartsInCell;
            private static System.Diagnostics.Stopwatch wallTime = new();

            /// <summary>
            /// Marks the start of a notebook cell (numbered as in the notebook); charts are named after it.
            /// </summary>
            public static void Cell(int number)
            {
                if (cell == 0)
                {
                    // A notebook shows an exercise's NotImplementedException under its cell; an app stops, so say
                    // which one. A test may wrap it (Check.Call reports the call that threw), so look through inner
                    // exceptions.
                    AppDomain.CurrentDomain.UnhandledException += (_, e) =>
                    {
                        for (var error = e.ExceptionObject as Exception;
                             error is not null;
                             error = error.InnerException)
                        {
                            if (error is NotImplementedException todo)
                            {
                                Console.Out.Flush();
                                Console.Error.WriteLine($"Stopped at cell {cell}: {todo.Message}");
                                if (!ReferenceEquals(error, e.ExceptionObject))
                                {
                                    Console.Error.WriteLine(((Exception)e.ExceptionObject).Message);
                                }

                                Environment.Exit(/*EXIT*/);
                            }
                        }
                    };
                }

                (cell, chartsInCell) = (number, 0);
                if (Environment.GetEnvironmentVariable("/*MARKER_VARIABLE*/") == "1")
                {
                    Console.WriteLine($"/*MARKER*/{number}");
                }
            }

            /// <summary>What the notebook shows for a cell's trailing expression.</summary>
            public static void Show(object value) => display(value);

            /// <summary>
            /// Shows a value, as the notebook's display(...) does; the handle's Update shows the new value.
            /// </summary>
            public static DisplayedValue display(object value, params string[] mimeTypes)
            {
                Print(value);
                return new DisplayedValue();
            }

            /// <summary>Raw HTML, printed as it is.</summary>
            public static HtmlText HTML(string content) => new(content);

            /// <summary>Shows a value (x.Display() in a notebook).</summary>
            public static DisplayedValue Display(this object value, params string[] mimeTypes) => display(value);

            /// <summary>Shows a string as the given MIME type; here, as its text.</summary>
            public static DisplayedValue DisplayAs(this string value, string mimeType) => display(value);

            /// <summary>#!time: starts the cell's clock.</summary>
            public static void StartWallTime() => wallTime = System.Diagnostics.Stopwatch.StartNew();

            /// <summary>#!time: prints the cell's wall time as the notebook does.</summary>
            public static void PrintWallTime()
            {
                var invariant = System.Globalization.CultureInfo.InvariantCulture;
                var elapsed = wallTime.Elapsed.TotalMilliseconds.ToString(invariant);
                Console.WriteLine($"Wall time: {elapsed}ms");
            }

            private static void Print(object value)
            {
                switch (value)
                {
        /*CHART*/            case null:
                        Console.WriteLine("<null>");
                        return;
                    case string or HtmlText:
                        Console.WriteLine(value);
                        return;
                    case System.Collections.IEnumerable items:
                        Console.WriteLine("[" + string.Join(", ", items.Cast<object>()) + "]");
                        return;
                    default:
                        Console.WriteLine(value);
                        return;
                }
            }

            /*CHART_SUMMARY*/
            private static void SaveChart(string html)
            {
                chartsInCell++;
                var folder = AppContext.GetData("EntryPointFileDirectoryPath") as string
                    ?? Environment.CurrentDirectory;
                var app = System.IO.Path.GetFileNameWithoutExtension(
                    AppContext.GetData("EntryPointFilePath") as string ?? "notebook");
                var suffix = chartsInCell > 1 ? $"-{chartsInCell}" : "";
                var file = System.IO.Path.Combine(folder, $"{app}.cell{cell}{suffix}.html");
                System.IO.File.WriteAllText(file, html);
                Console.WriteLine($"chart: {System.IO.Path.GetRelativePath(Environment.CurrentDirectory, file)}");
            }

            /// <summary>The handle display(...) returns.</summary>
            public sealed class DisplayedValue
            {
                /// <summary>Shows the new value (a notebook would replace the earlier output).</summary>
                public void Update(object value) => Print(value);
            }

            /// <summary>HTML content, as HTML(...) returns it.</summary>
            public sealed record HtmlText(string Html)
            {
                /// <inheritdoc/>
                public override string ToString() => Html;
            }
        }
        """;
}
