using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NotebookEngine;

namespace Grading.Benchmarks;

/// <summary>
/// The engine's own cost: the same cells through a bare RunAsync/ContinueWithAsync chain (the floor: Roslyn's compile
/// and run per cell) and through <see cref="NotebookSession"/> (directives, output capture, formatting, timeouts).
/// </summary>
internal static class EngineOverhead
{
    /// <summary>
    /// Prints goal 3 for <paramref name="cellCount"/> cells: the ratio engine / bare chain of each round, their median
    /// and range, the median times, and the load before and after (ratios from a loaded 2-core VM mean something else).
    /// </summary>
    public static async Task PrintAsync(int cellCount, int rounds)
    {
        var cells = Cells(cellCount);
        var loadBefore = Machine.LoadAverage();
        var bare = new List<double>();
        var engine = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Interleaved, and which goes first alternates, so drift on a shared machine hits both alike.
            if (round % 2 == 0)
            {
                bare.Add((await BareChainAsync(cells)).TotalSeconds);
                engine.Add((await EngineAsync(cells)).Total.TotalSeconds);
            }
            else
            {
                engine.Add((await EngineAsync(cells)).Total.TotalSeconds);
                bare.Add((await BareChainAsync(cells)).TotalSeconds);
            }
        }

        var ratios = engine.Zip(bare, (e, b) => e / b).ToList();
        var ratio = Statistics.Median(ratios);
        var format = CultureInfo.InvariantCulture;
        string Seconds(double value) => value.ToString("0.00", format);
        string Times(double value) => value.ToString("0.00", format) + "×";
        var verdict = ratio <= 1.25 ? "met" : "MISSED";
        var everyRound = ratios.Max() <= 1.25 ? " in every round" : "";
        Console.WriteLine($"{cellCount} cells, {rounds} rounds: bare RunAsync/ContinueWithAsync chain " +
                          $"{Seconds(Statistics.Median(bare))} s, " +
                          $"engine {Seconds(Statistics.Median(engine))} s (medians); " +
                          $"engine / bare {Times(ratio)} median of rounds " +
                          $"({Times(ratios.Min())}–{Times(ratios.Max())}; " +
                          $"rounds {string.Join(", ", ratios.Select(Times))}); goal ≤ 1.25×: {verdict}{everyRound}; " +
                          $"load {loadBefore} → {Machine.LoadAverage()}.");
    }

    public static IReadOnlyList<string> Cells(int count) => Enumerable.Range(0, count)
        .Select(i =>
            i % 3 == 0
                ? $"var v{i} = {i} * 2;\nConsole.WriteLine(v{i});"
                : i % 3 == 1 ? $"int F{i}(int x) => x + {i};\nF{i}({i})"
                : $"var s{i} = new List<int> {{ {i}, {i + 1} }}.Sum();")
        .ToList();

    public static async Task<TimeSpan> BareChainAsync(IReadOnlyList<string> cells)
    {
        var options = ScriptOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithAllowUnsafe(true)
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithImports(
                "System",
                "System.Text",
                "System.Collections",
                "System.Collections.Generic",
                "System.Threading.Tasks",
                "System.Linq")
            .AddReferences(typeof(Enumerable).Assembly, typeof(object).Assembly);
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            var clock = Stopwatch.StartNew();
            var state = await CSharpScript.RunAsync(cells[0], options);
            foreach (var cell in cells.Skip(1))
            {
                state = await state.ContinueWithAsync(cell, options, catchException: _ => true);
            }

            return clock.Elapsed;
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    public static async Task<(TimeSpan Total, TimeSpan FirstCell)> EngineAsync(IReadOnlyList<string> cells)
    {
        var clock = Stopwatch.StartNew();
        await using var session =
            await NotebookSession.StartAsync(new SessionOptions { WorkingDirectory = Path.GetTempPath() });
        var first = TimeSpan.Zero;
        foreach (var cell in cells)
        {
            var result = await session.ExecuteAsync(cell);
            if (result.Status != CellStatus.Succeeded)
            {
                throw new InvalidOperationException($"bench cell failed: {result.Failure?.Message}");
            }

            first = first == TimeSpan.Zero ? clock.Elapsed : first;
        }

        return (clock.Elapsed, first);
    }
}
