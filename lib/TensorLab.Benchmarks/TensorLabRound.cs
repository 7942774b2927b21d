using TensorLab;

namespace TensorLab.Benchmarks;

/// <summary>Median seconds of one round of the TensorLab side, with the memcpy roofs measured beside it.</summary>
internal sealed record TensorLabRound(
    IReadOnlyDictionary<int, double> LookupSeconds,
    IReadOnlyDictionary<int, (double Lookup, double ColdCopy)> OneThreadSeconds,
    IReadOnlyDictionary<int, double> ForwardSeconds,
    IReadOnlyDictionary<int, double> ColdCopySeconds,
    IReadOnlyDictionary<int, double> HotCopySeconds,
    double AddSeconds,
    double AddCopySeconds,
    double PositionalSeconds);

/// <summary>The tables, ids and buffers of the bench, built once and measured in every round.</summary>
internal sealed class TensorLabBench
{
    private readonly BenchSizes sizes;
    private readonly Dictionary<int, (Embedding Table, int[] Ids, float[] Destination, DramCopy ColdCopy)> lookups = [];
    private readonly SinusoidalPositionalEncoding encoding;
    private readonly Tensor batch;
    private readonly CachedCopy addCopy;

    public TensorLabBench(BenchSizes sizes)
    {
        this.sizes = sizes;
        foreach (var dim in sizes.Dimensions)
        {
            var ids = LookupProfiler.RandomIds(sizes.Tokens, sizes.VocabSize, seed: 7);
            var destination = new float[ids.Length * dim];
            lookups[dim] = (
                new Embedding(sizes.VocabSize, dim, seed: 1),
                ids,
                destination,
                new DramCopy(LookupBytes(dim)));
        }

        encoding = new SinusoidalPositionalEncoding(sizes.PositionalDim, sizes.AddSequence);
        batch = Tensor.Zeros(sizes.AddBatch, sizes.AddSequence, sizes.PositionalDim);
        addCopy = new CachedCopy(AddBytes);
    }

    /// <summary>Bytes one lookup of the bench writes (and a memcpy of the same size copies).</summary>
    public long LookupBytes(int dim) => (long)sizes.Tokens * dim * sizeof(float);

    /// <summary>Bytes of the [B, S, D] batch AddTo updates in place.</summary>
    public long AddBytes => (long)batch.Length * sizeof(float);

    public TensorLabRound Measure()
    {
        var (warmup, repeats) = (sizes.Warmup, sizes.Repeats);
        Dictionary<int, double> lookup = [], forward = [], cold = [], hot = [];
        Dictionary<int, (double, double)> oneThread = [];
        foreach (var (dim, (table, ids, destination, coldCopy)) in lookups)
        {
            (lookup[dim], cold[dim]) = MedianTimer.PairedSeconds(
                () => table.Lookup(ids, destination),
                coldCopy.CopyNextWindow,
                warmup,
                repeats);
            // The same copy without the split across cores, against the same one-thread memcpy: what one core reaches.
            oneThread[dim] = MedianTimer.PairedSeconds(
                () => RowGather.CopyRows(table.Weight.Span, dim, ids, destination, split: false),
                coldCopy.CopyNextWindow,
                warmup,
                repeats);
            forward[dim] = MedianTimer.Seconds(() => table.Forward(ids), warmup, repeats, MedianTimer.ReclaimGarbage);
            hot[dim] = LookupProfiler.MeasureCopy(LookupBytes(dim), warmup, repeats).MedianSeconds;
        }

        var positional = MedianTimer.Seconds(
            () => _ = new SinusoidalPositionalEncoding(sizes.PositionalDim, sizes.PositionalLength),
            warmup,
            repeats,
            MedianTimer.ReclaimGarbage);
        var (add, addCopySeconds) = MedianTimer.PairedSeconds(
            () => encoding.AddTo(batch),
            addCopy.Copy,
            warmup,
            repeats);
        return new TensorLabRound(lookup, oneThread, forward, cold, hot, add, addCopySeconds, positional);
    }
}
