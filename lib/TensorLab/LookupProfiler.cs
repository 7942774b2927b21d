using System.Diagnostics;

namespace TensorLab;

/// <summary>
/// Times embedding lookups the careful way: warm-up runs first (JIT, caches, page faults), then the median of
/// repeated runs, and a plain memory copy of the same bytes as the physical roof to compare with.
/// </summary>
public static class LookupProfiler
{
    /// <summary>Times <see cref="Embedding.Lookup"/> of <paramref name="ids"/> into one reused buffer.</summary>
    /// <param name="table">The table to read.</param>
    /// <param name="ids">The ids to look up every run.</param>
    /// <param name="warmup">Untimed runs first (default 3), ≥ 0.</param>
    /// <param name="repeats">Timed runs (default 11), ≥ 1; the median is reported.</param>
    /// <returns>The measurement.</returns>
    /// <exception cref="ArgumentOutOfRangeException">warmup &lt; 0, repeats &lt; 1,
    /// or an id is outside the table.</exception>
    public static LookupMeasurement Measure(Embedding table, ReadOnlySpan<int> ids, int warmup = 3, int repeats = 11)
    {
        ArgumentNullException.ThrowIfNull(table);
        ValidateRuns(warmup, repeats);
        var destination = new float[ids.Length * table.EmbeddingDim];
        var samples = new double[repeats];
        for (var run = -warmup; run < repeats; run++)
        {
            var start = Stopwatch.GetTimestamp();
            table.Lookup(ids, destination);
            if (run >= 0)
            {
                samples[run] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            }
        }

        return new LookupMeasurement(ids.Length, (long)destination.Length * sizeof(float), Median(samples));
    }

    /// <summary>Times a copy of <paramref name="bytes"/> bytes between two buffers:
    /// the roof a lookup can approach.</summary>
    /// <param name="bytes">Bytes to copy per run, ≥ 4.</param>
    /// <param name="warmup">Untimed runs first (default 3), ≥ 0.</param>
    /// <param name="repeats">Timed runs (default 11), ≥ 1.</param>
    /// <returns>The measurement (Tokens = 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 4 bytes, warmup &lt; 0 or repeats &lt; 1.</exception>
    public static LookupMeasurement MeasureCopy(long bytes, int warmup = 3, int repeats = 11)
    {
        if (bytes < sizeof(float))
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "Copy at least 4 bytes.");
        }

        ValidateRuns(warmup, repeats);
        var source = new float[bytes / sizeof(float)];
        var destination = new float[source.Length];
        source.AsSpan().Fill(1f);
        var samples = new double[repeats];
        for (var run = -warmup; run < repeats; run++)
        {
            var start = Stopwatch.GetTimestamp();
            source.AsSpan().CopyTo(destination);
            if (run >= 0)
            {
                samples[run] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            }
        }

        return new LookupMeasurement(0, (long)source.Length * sizeof(float), Median(samples));
    }

    /// <summary><paramref name="count"/> ids drawn uniformly from [0, vocabSize) with a seeded generator.</summary>
    /// <param name="count">How many ids, ≥ 0.</param>
    /// <param name="vocabSize">V, ≥ 1.</param>
    /// <param name="seed">Seed: equal seeds give equal ids.</param>
    /// <returns>A new array of ids.</returns>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 0 or vocabSize &lt; 1.</exception>
    public static int[] RandomIds(int count, int vocabSize, int seed)
    {
        if (count < 0)
        {
            ThrowHelper.Negative(nameof(count), count);
        }

        if (vocabSize <= 0)
        {
            ThrowHelper.NotPositive(nameof(vocabSize), vocabSize);
        }

        var random = new Random(seed);
        var ids = new int[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = random.Next(vocabSize);
        }

        return ids;
    }

    private static void ValidateRuns(int warmup, int repeats)
    {
        if (warmup < 0)
        {
            ThrowHelper.Negative(nameof(warmup), warmup);
        }

        if (repeats < 1)
        {
            ThrowHelper.NotPositive(nameof(repeats), repeats);
        }
    }

    private static double Median(double[] samples)
    {
        Array.Sort(samples);
        return samples[samples.Length / 2];
    }
}
