namespace TensorLab.Benchmarks;

/// <summary>
/// The roof for a lookup from a DRAM-resident table: a memcpy of the same bytes whose source is also cold.
/// Each run copies the next window of a source eight times larger than the copy, so the last-level cache
/// (32 MB and more on server parts) cannot hold the source between runs, as it cannot hold the 100 MB table.
/// </summary>
internal sealed class DramCopy
{
    private const int Windows = 8;
    private readonly float[] source;
    private readonly float[] destination;
    private int window;

    /// <summary>Allocates the source (8 × <paramref name="bytes"/>) and the destination once, for every round.</summary>
    public DramCopy(long bytes)
    {
        var length = (int)(bytes / sizeof(float));
        source = new float[(long)length * Windows];
        destination = new float[length];
        source.AsSpan().Fill(1f);
    }

    public double Seconds(int warmup, int repeats) => MedianTimer.Seconds(() =>
    {
        source.AsSpan(window * destination.Length, destination.Length).CopyTo(destination);
        window = (window + 1) % Windows;
    }, warmup, repeats);
}
