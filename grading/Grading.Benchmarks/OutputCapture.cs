using System.Diagnostics;
using System.Globalization;
using NotebookEngine;

namespace Grading.Benchmarks;

/// <summary>
/// Output capture (issue 14 goal 4): a cell printing 1,000,000 short lines through the session's console capture
/// against the same loop writing into a StringWriter, both run as cells of one session, so compile costs match.
/// </summary>
internal static class OutputCapture
{
    public const string ConsoleLoop = "for (var i = 0; i < 1_000_000; i++) Console.WriteLine(i);";
    public const string StringWriterLoop =
        "var sink = new System.IO.StringWriter(); for (var i = 0; i < 1_000_000; i++) sink.WriteLine(i);";

    /// <summary>Medians of three alternating runs: (console capture, StringWriter).</summary>
    public static async Task<(TimeSpan Console, TimeSpan StringWriter)> MeasureAsync()
    {
        await using var session =
            await NotebookSession.StartAsync(new SessionOptions { WorkingDirectory = Path.GetTempPath() });
        await session.ExecuteAsync("1"); // compile path warm
        var console = new List<TimeSpan>();
        var writer = new List<TimeSpan>();
        for (var round = 0; round < 3; round++)
        {
            console.Add(await TimeAsync(session, ConsoleLoop));
            writer.Add(await TimeAsync(session, StringWriterLoop));
        }

        return (console.Order().ElementAt(1), writer.Order().ElementAt(1));
    }

    /// <summary>Prints the ratio and whether the goal (≤ 3×) is met.</summary>
    public static async Task PrintAsync()
    {
        var format = CultureInfo.InvariantCulture;
        var (console, writer) = await MeasureAsync();
        var ratio = console / writer;
        Console.WriteLine($"1,000,000 lines: captured Console.WriteLine " +
                          $"{console.TotalMilliseconds.ToString("0", format)} ms, " +
                          $"StringWriter {writer.TotalMilliseconds.ToString("0", format)} ms, " +
                          $"ratio {ratio.ToString("0.00", format)}× " +
                          $"(goal ≤ 3×: {(ratio <= 3 ? "met" : "MISSED")}; median of 3, cap 1 MiB kept).");
    }

    /// <summary>
    /// For the kernel bench: engine cold start, per-cell time of trivial cells, and the two loops, as one JSON line.
    /// </summary>
    public static async Task PrintKernelBaselinesAsync(int trivialCells)
    {
        var clock = Stopwatch.StartNew();
        await using var session =
            await NotebookSession.StartAsync(new SessionOptions { WorkingDirectory = Path.GetTempPath() });
        await session.ExecuteAsync("1 + 1");
        var coldStart = clock.Elapsed;
        var perCell = new List<double>();
        for (var i = 0; i < trivialCells; i++)
        {
            perCell.Add((await TimeAsync(session, $"var t{i} = {i};")).TotalMilliseconds);
        }

        var loops = await MeasureAsync();
        var format = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(
            format,
            $$"""{"cold_start_ms": {{coldStart.TotalMilliseconds:0.0}}, "cell_median_ms": """ +
            $$"""{{perCell.Order().ElementAt(perCell.Count / 2):0.00}}, "cell_p95_ms": """ +
            $$"""{{perCell.Order().ElementAt(perCell.Count * 95 / 100):0.00}}, "console_loop_ms": """ +
            $$"""{{loops.Console.TotalMilliseconds:0.0}}, "stringwriter_loop_ms": """ +
            $$"""{{loops.StringWriter.TotalMilliseconds:0.0}}}"""));
    }

    private static async Task<TimeSpan> TimeAsync(NotebookSession session, string cell)
    {
        var clock = Stopwatch.StartNew();
        var result = await session.ExecuteAsync(cell);
        if (result.Status != CellStatus.Succeeded)
        {
            throw new InvalidOperationException($"bench cell failed: {result.Failure?.Message}");
        }

        return clock.Elapsed;
    }
}
