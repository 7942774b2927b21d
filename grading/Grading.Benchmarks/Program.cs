using System.Globalization;
using Grading.Benchmarks;

// Grading benches. Engine overhead: the same 60 and 150 cells through a bare Roslyn chain and through the engine, in
// one process. Autograde throughput: 40 submissions in process, with one and with two workers at a time (skipped with
// --engine-only; alone with --autograde-only). --quick: 60 cells only and 10 submissions. --workers-only: where one
// worker's time goes (review, start, cells), alone.
if (args.Contains("--kernel-baselines"))
{
    // Used by .ci/kernel/bench_kernel.py: the engine's own figures, printed as JSON for the kernel's ratios.
    await OutputCapture.PrintKernelBaselinesAsync(200);
    return 0;
}

if (args is [LimitStreams.StreamArgument, var notebook, var copies])
{
    // A process of the limit in fresh processes (LimitStreams), started by the autograde bench.
    await LimitStreams.ServeAsync(notebook, int.Parse(copies, CultureInfo.InvariantCulture));
    return 0;
}

Console.WriteLine(Machine.Describe());
if (args.Contains("--workers-only"))
{
    await AutogradeThroughput.BreakdownAsync();
    Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}.");
    return 0;
}

if (args.Contains("--autograde-only"))
{
    await AutogradeThroughput.BreakdownAsync();
    await AutogradeThroughput.RunAsync(copies: args.Contains("--quick") ? 10 : 40, rounds: 3);
    Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}.");
    return 0;
}

var format = CultureInfo.InvariantCulture;

// Cold start first, in a fresh process: JIT of Roslyn and of the engine are part of what a user waits for.
var (coldTotal, coldFirst) = await EngineOverhead.EngineAsync(EngineOverhead.Cells(1));
Console.WriteLine($"Cold start: session + first cell {coldFirst.TotalMilliseconds.ToString("0", format)} ms " +
                  $"({coldTotal.TotalMilliseconds.ToString("0", format)} ms in all).");

// Goal 3 at 60 cells, where a fixed or per-cell cost of the engine shows most, and (full run) at 150.
await EngineOverhead.PrintAsync(60, rounds: 5);
if (!args.Contains("--quick"))
{
    await EngineOverhead.PrintAsync(150, rounds: 5);
}

await OutputCapture.PrintAsync();
if (!args.Contains("--engine-only"))
{
    await AutogradeThroughput.BreakdownAsync();
    await AutogradeThroughput.RunAsync(copies: args.Contains("--quick") ? 10 : 40, rounds: 3);
}

Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}.");
return 0;
