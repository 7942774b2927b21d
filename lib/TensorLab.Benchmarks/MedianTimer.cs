using System.Diagnostics;

namespace TensorLab.Benchmarks;

/// <summary>Times an action: warm-up runs first (JIT, caches, page faults), then the median of repeated runs.</summary>
internal static class MedianTimer
{
    /// <summary>
    /// Median seconds of <paramref name="action"/>. <paramref name="betweenRuns"/> runs untimed before every run:
    /// allocating benchmarks pass a full GC there, so the memory the previous result held is free again, as it is at
    /// once in NumPy (reference counting) and in a steady-state .NET app; without it every run pays for committing
    /// fresh pages, which on these VMs costs more than the work itself.
    /// </summary>
    public static double Seconds(Action action, int warmup, int repeats, Action? betweenRuns = null)
    {
        for (var i = 0; i < warmup; i++)
        {
            betweenRuns?.Invoke();
            action();
        }

        var samples = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            betweenRuns?.Invoke();
            samples[i] = TimeOnce(action);
        }

        return Median(samples);
    }

    /// <summary>
    /// Median seconds of <paramref name="ours"/> and of <paramref name="baseline"/>, timed in alternation (ours,
    /// baseline, ours, …) so both medians come from the same minutes. On a shared machine memory bandwidth drifts by
    /// 2–5× within seconds; timing all of one side and then all of the other let that drift decide the ratio.
    /// </summary>
    public static (double Ours, double Baseline) PairedSeconds(Action ours, Action baseline, int warmup, int repeats)
    {
        for (var i = 0; i < warmup; i++)
        {
            ours();
            baseline();
        }

        var oursSamples = new double[repeats];
        var baselineSamples = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            oursSamples[i] = TimeOnce(ours);
            baselineSamples[i] = TimeOnce(baseline);
        }

        return (Median(oursSamples), Median(baselineSamples));
    }

    /// <summary>A full blocking GC: the untimed step between allocating runs.</summary>
    public static void ReclaimGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private static double TimeOnce(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    // The median, not the mean: one descheduling on a shared 2-core machine should not move the figure.
    private static double Median(double[] samples)
    {
        Array.Sort(samples);
        return samples[samples.Length / 2];
    }
}
