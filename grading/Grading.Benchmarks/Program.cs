using System.Globalization;
using Grading.Benchmarks;

// Grading benches. Engine overhead: the same 150 cells through a bare Roslyn chain and through the engine, in one
// process. Autograde throughput: 40 submissions in process, with one and with two workers at a time (skipped with
// --engine-only; alone with --autograde-only). --quick: 60 cells and 10 submissions.
if (args.Contains("--kernel-baselines"))
{
    // Used by .ci/kernel/bench_kernel.py: the engine's own figures, printed as JSON for the kernel's ratios.
    await OutputCapture.PrintKernelBaselinesAsync(200);
    return 0;
}

Console.WriteLine(Machine.Describe());
if (args.Contains("--autograde-only"))
{
    await AutogradeThroughput.RunAsync(copies: args.Contains("--quick") ? 10 : 40, rounds: 3);
    Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}.");
    return 0;
}

var cellCount = args.Contains("--quick") ? 60 : 150;
var cells = EngineOverhead.Cells(cellCount);
var format = CultureInfo.InvariantCulture;

// Cold start first, in a fresh process: JIT of Roslyn and of the engine are part of what a user waits for.
var (coldTotal, coldFirst) = await EngineOverhead.EngineAsync(cells.Take(1).ToList());
Console.WriteLine($"Cold start: session + first cell {coldFirst.TotalMilliseconds.ToString("0", format)} ms " +
                  $"({coldTotal.TotalMilliseconds.ToString("0", format)} ms in all).");

// Then alternate the two so drift on a shared machine hits both alike; report the medians.
var bare = new List<double>();
var engine = new List<double>();
for (var round = 0; round < 3; round++)
{
    bare.Add((await EngineOverhead.BareChainAsync(cells)).TotalSeconds);
    engine.Add((await EngineOverhead.EngineAsync(cells)).Total.TotalSeconds);
}

double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
var ratio = Median(engine) / Median(bare);
var roundRatios = engine.Zip(bare, (e, b) => e / b).ToList();
Console.WriteLine($"{cellCount} cells: bare RunAsync/ContinueWithAsync chain " +
                  $"{Median(bare).ToString("0.00", format)} s, " +
                  $"engine {Median(engine).ToString("0.00", format)} s, ratio {ratio.ToString("0.00", format)}× " +
                  $"(rounds {string.Join(", ", roundRatios.Select(r => r.ToString("0.00", format)))}; " +
                  $"goal ≤ 1.25×: {(ratio <= 1.25 ? "met" : "MISSED")}).");
await OutputCapture.PrintAsync();
if (!args.Contains("--engine-only"))
{
    await AutogradeThroughput.BreakdownAsync();
    await AutogradeThroughput.RunAsync(copies: args.Contains("--quick") ? 10 : 40, rounds: 3);
}

Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}.");
return 0;
