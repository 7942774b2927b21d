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
            var start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        // The median, not the mean: one descheduling on a shared 2-core machine should not move the figure.
        Array.Sort(samples);
        return samples[repeats / 2];
    }

    /// <summary>A full blocking GC: the untimed step between allocating runs.</summary>
    public static void ReclaimGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
