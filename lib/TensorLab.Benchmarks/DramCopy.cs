namespace TensorLab.Benchmarks;

/// <summary>
/// The roof for a lookup from a DRAM-resident table: a memcpy of the same bytes whose source is also cold.
/// Each run copies the next window of a source eight times larger than the copy, so the last-level cache
/// (32 MB and more on server parts) cannot hold the source between runs, as it cannot hold the 100 MB table.
/// </summary>
internal static class DramCopy
{
    public static double Seconds(long bytes, int warmup, int repeats)
    {
        var length = (int)(bytes / sizeof(float));
        const int Windows = 8;
        var source = new float[(long)length * Windows];
        var destination = new float[length];
        source.AsSpan().Fill(1f);
        var window = 0;
        return MedianTimer.Seconds(() =>
        {
            source.AsSpan(window * length, length).CopyTo(destination);
            window = (window + 1) % Windows;
        }, warmup, repeats);
    }
}
