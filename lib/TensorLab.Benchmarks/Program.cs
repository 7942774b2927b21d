using System.Globalization;
using TensorLab.Benchmarks;

// TensorLab bench: every goal is a ratio of two figures measured in the same round of this one run; each ratio is
// measured in several rounds and printed with its spread, since one figure from a shared machine proves little.
var sizes = args.Contains("--quick") ? BenchSizes.Quick : BenchSizes.Full;
var format = CultureInfo.InvariantCulture;
Console.WriteLine($"TensorLab bench on {Machine.Describe()}");
Console.WriteLine($"V={sizes.VocabSize:N0}, ids=32×512, {sizes.Rounds} rounds × {sizes.Repeats} timed runs " +
                  $"per figure; load average at start {Load()} on {Environment.ProcessorCount} cores");

var bench = new TensorLabBench(sizes);
Console.WriteLine(
    $"Tables built; memory of this process on huge pages: {Machine.HugePageMegabytes()?.ToString(format) ?? "n/a"} MB");

var lookupVsCopy = sizes.Dimensions.ToDictionary(
    d => d,
    d => new RatioRow($"Lookup vs memcpy from a cold source, D={d}", "memcpy",
        FigureKind.Bandwidth, bench.LookupBytes(d), d == 512 ? 0.75 : null));
var oneThreadVsCopy = sizes.Dimensions.ToDictionary(
    d => d,
    d => new RatioRow($"Lookup on one thread vs cold memcpy, D={d}", "memcpy",
        FigureKind.Bandwidth, bench.LookupBytes(d), null));
var addVsCopy = new RatioRow("AddTo [32,512,512] vs memcpy", "memcpy", FigureKind.Bandwidth, bench.AddBytes, 0.7);
var lookupVsNumPy = sizes.Dimensions.ToDictionary(
    d => d,
    d => new RatioRow($"Lookup vs NumPy weight[ids], D={d}", "NumPy",
        FigureKind.Milliseconds, 0, d == 512 ? 4.0 : 2.5));
var forwardVsNumPy = sizes.Dimensions.ToDictionary(
    d => d,
    d => new RatioRow($"Forward vs NumPy weight[ids], D={d}", "NumPy",
        FigureKind.Milliseconds, 0, 1.0));
var positionalVsNumPy = new RatioRow("PE table 5000×512 build vs NumPy", "NumPy", FigureKind.Milliseconds, 0, 3.0);

string? numPyVersion = null, skipReason = null;
var degradedCopies = new List<string>();
for (var round = 1; round <= sizes.Rounds; round++)
{
    var ours = bench.Measure();
    var numpy = NumPyBaseline.TryMeasure(sizes, out skipReason);
    numPyVersion ??= numpy?.Version;
    foreach (var dim in sizes.Dimensions)
    {
        lookupVsCopy[dim].Add(ours.LookupSeconds[dim], ours.ColdCopySeconds[dim]);
        oneThreadVsCopy[dim].Add(ours.OneThreadSeconds[dim].Lookup, ours.OneThreadSeconds[dim].ColdCopy);
        lookupVsNumPy[dim].Add(ours.LookupSeconds[dim], numpy?.LookupSeconds[dim]);
        forwardVsNumPy[dim].Add(ours.ForwardSeconds[dim], numpy?.LookupSeconds[dim]);
    }

    addVsCopy.Add(ours.AddSeconds, ours.AddCopySeconds);
    positionalVsNumPy.Add(ours.PositionalSeconds, numpy?.PositionalTableSeconds);
    // A copy from a cold source is a little slower than the same copy repeated on cached buffers, never several times
    // slower; when it is, memory itself was contended during the round and ratios against it flatter TensorLab.
    degradedCopies.AddRange(sizes.Dimensions.Where(d => ours.ColdCopySeconds[d] > 4 * ours.HotCopySeconds[d])
        .Select(d => $"round {round} D={d}"));
    var copies = string.Join(", ", sizes.Dimensions.Select(d =>
        $"D={d} memcpy cold {Bandwidth(bench.LookupBytes(d), ours.ColdCopySeconds[d])}, " +
        $"cached {Bandwidth(bench.LookupBytes(d), ours.HotCopySeconds[d])}"));
    Console.WriteLine($"  round {round}/{sizes.Rounds} done (load {Load()}): {copies}");
}

Console.WriteLine();
RatioTable.Print(
    [
        .. lookupVsCopy.Values, .. oneThreadVsCopy.Values, addVsCopy, .. lookupVsNumPy.Values,
        .. forwardVsNumPy.Values, positionalVsNumPy,
    ],
    Console.Out);
Console.WriteLine();
if (degradedCopies.Count > 0)
{
    Console.WriteLine("WARNING: the cold-source memcpy ran over 4× slower than the cached one in " +
                      $"{string.Join(", ", degradedCopies)}:");
    Console.WriteLine("         memory was contended, so the 'vs memcpy from a cold source' ratios of those rounds " +
                      "are not evidence.");
}

Console.WriteLine(numPyVersion is null
    ? $"NumPy column skipped: {skipReason}."
    : $"NumPy {numPyVersion} via /usr/bin/python3, measured in each round.");
Console.WriteLine($"Load average at the end: {Load()} on {Environment.ProcessorCount} cores" +
                  (Machine.LoadAverage() > Environment.ProcessorCount
                      ? " (above the core count: other work shared the CPUs)."
                      : "."));
Console.WriteLine("Lookup splits a destination of 2 MiB and more across the cores " +
                  $"({Environment.ProcessorCount} here); the 'on one thread' rows time the same copy");
Console.WriteLine("without the split, against the same one-thread memcpy. NumPy's gather runs on one thread.");
Console.WriteLine("Allocating rows (Forward, PE build) run a full GC between runs, untimed: see MedianTimer.");
Console.WriteLine(
    "Lookup and AddTo are timed in alternation with their memcpy (ours, memcpy, ours, …), so both see the same load;");
Console.WriteLine(
    "the cold memcpy's source is on 2 MiB pages like the tables; no method runs as tier-0 JIT code (QuickJit off).");
Console.WriteLine(
    "ratio = baseline ÷ TensorLab (> 1: faster, or closer to the memcpy roof), the median over rounds of each round's");
Console.WriteLine(
    "ratio of medians; the spread is the lowest and highest round; a goal is met when the median ratio reaches it.");
return 0;

string Bandwidth(long bytes, double seconds) => (bytes / seconds / 1e9).ToString("0.0", format) + " GB/s";
string Load() => Machine.LoadAverage()?.ToString("0.0", format) ?? "n/a";
