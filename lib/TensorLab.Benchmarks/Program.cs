using System.Globalization;
using TensorLab;
using TensorLab.Benchmarks;

// TensorLab bench: every goal is a ratio of two figures measured in this one run.
var sizes = args.Contains("--quick") ? BenchSizes.Quick : BenchSizes.Full;
var format = CultureInfo.InvariantCulture;
var rows = new List<Ratio>();
var lookupSeconds = new Dictionary<int, double>();
var forwardSeconds = new Dictionary<int, double>();

Console.WriteLine($"TensorLab bench — .NET {Environment.Version}, {Environment.ProcessorCount} cores, V={sizes.VocabSize:N0}, ids=32×512");
foreach (var dim in sizes.Dimensions)
{
    var table = new Embedding(sizes.VocabSize, dim, seed: 1);
    var ids = LookupProfiler.RandomIds(sizes.Tokens, sizes.VocabSize, seed: 7);
    var destination = new float[ids.Length * dim];
    var bytes = (long)destination.Length * sizeof(float);

    lookupSeconds[dim] = MedianTimer.Seconds(() => table.Lookup(ids, destination), sizes.Warmup, sizes.Repeats);
    forwardSeconds[dim] = MedianTimer.Seconds(() => table.Forward(ids), sizes.Warmup, sizes.Repeats, MedianTimer.ReclaimGarbage);
    var copySeconds = DramCopy.Seconds(bytes, sizes.Warmup, sizes.Repeats);
    var hotCopy = LookupProfiler.MeasureCopy(bytes, sizes.Warmup, sizes.Repeats);
    Console.WriteLine($"  D={dim}: memcpy of {bytes / 1e6:0.0} MB from a cold source {Bandwidth(bytes, copySeconds)}, " +
                      $"repeated on the same (cached) buffers {Bandwidth(bytes, hotCopy.MedianSeconds)}");

    rows.Add(new Ratio($"Lookup vs memcpy roof, D={dim}",
        Bandwidth(bytes, lookupSeconds[dim]), $"memcpy {Bandwidth(bytes, copySeconds)}",
        copySeconds / lookupSeconds[dim], dim == 512 ? 0.6 : null));
}

var peSeconds = MedianTimer.Seconds(() => _ = new SinusoidalPositionalEncoding(sizes.PositionalDim, sizes.PositionalLength),
    sizes.Warmup, sizes.Repeats, MedianTimer.ReclaimGarbage);
var encoding = new SinusoidalPositionalEncoding(sizes.PositionalDim, sizes.AddSequence);
var batch = Tensor.Zeros(sizes.AddBatch, sizes.AddSequence, sizes.PositionalDim);
var addSeconds = MedianTimer.Seconds(() => encoding.AddTo(batch), sizes.Warmup, sizes.Repeats);
var batchBytes = (long)batch.Length * sizeof(float);
var batchCopy = LookupProfiler.MeasureCopy(batchBytes, sizes.Warmup, sizes.Repeats);
rows.Add(new Ratio("AddTo [32,512,512] vs memcpy", Bandwidth(batchBytes, addSeconds),
    $"memcpy {Bandwidth(batchBytes, batchCopy.MedianSeconds)}", batchCopy.MedianSeconds / addSeconds, 0.7));

var numpy = NumPyBaseline.TryMeasure(sizes, out var skipReason);
foreach (var dim in sizes.Dimensions)
{
    var baseline = numpy?.LookupSeconds[dim];
    rows.Add(new Ratio($"Lookup vs NumPy weight[ids], D={dim}", Milliseconds(lookupSeconds[dim]),
        baseline is { } b ? $"NumPy {Milliseconds(b)}" : "NumPy n/a", baseline / lookupSeconds[dim], 2.5));
    rows.Add(new Ratio($"Forward vs NumPy weight[ids], D={dim}", Milliseconds(forwardSeconds[dim]),
        baseline is { } b2 ? $"NumPy {Milliseconds(b2)}" : "NumPy n/a", baseline / forwardSeconds[dim], 1.0));
}

rows.Add(new Ratio("PE table 5000×512 build vs NumPy", Milliseconds(peSeconds),
    numpy is null ? "NumPy n/a" : $"NumPy {Milliseconds(numpy.PositionalTableSeconds)}",
    numpy?.PositionalTableSeconds / peSeconds, 3.0));

Console.WriteLine();
RatioTable.Print(rows, Console.Out);
Console.WriteLine();
Console.WriteLine(numpy is null ? $"NumPy column skipped: {skipReason}." : $"NumPy {numpy.Version} via /usr/bin/python3.");
Console.WriteLine("Allocating rows (Forward, PE build) run a full GC between runs, untimed: see MedianTimer.");
Console.WriteLine("Ratios > 1 mean TensorLab is faster (or, against memcpy, closer to the roof). Medians of repeated runs.");
return 0;

string Bandwidth(long bytes, double seconds) => (bytes / seconds / 1e9).ToString("0.0", format) + " GB/s";
string Milliseconds(double seconds) => (seconds * 1e3).ToString("0.00", format) + " ms";
