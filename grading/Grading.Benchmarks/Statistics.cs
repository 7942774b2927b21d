namespace Grading.Benchmarks;

/// <summary>The summary every bench line reports: the median of its rounds.</summary>
internal static class Statistics
{
    /// <summary>The middle value (the mean of the two middle values for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
