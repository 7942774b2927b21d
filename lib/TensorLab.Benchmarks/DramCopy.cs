namespace TensorLab.Benchmarks;

/// <summary>
/// The roof for a lookup from a DRAM-resident table: a memcpy of the same bytes whose source is also cold.
/// Each run copies the next window of a source eight times larger than the copy, so the last-level cache
/// (32 MB and more on server parts) cannot hold the source between runs, as it cannot hold the 100 MB table.
/// The source sits on 2 MiB pages like the embedding tables (LargeTableMemory): from 4 KiB pages, where a cold copy
/// takes a TLB miss and a page walk every 4 KiB, a probe on this VM copied 2–5 GB/s against 3–18 GB/s from 2 MiB pages,
/// so the roof partly measured page walks and flattered every ratio against it.
/// </summary>
internal sealed class DramCopy
{
    private const int Windows = 8;
    private readonly float[] source;
    private readonly float[] destination;
    private int window;

    /// <summary>Allocates the source (8 × <paramref name="bytes"/>) and the destination once,
    /// for every round.</summary>
    public DramCopy(long bytes)
    {
        var length = (int)(bytes / sizeof(float));
        source = LargeTableMemory.Zeroed(checked(length * Windows));
        destination = new float[length];
        source.AsSpan().Fill(1f);
        LargeTableMemory.Consolidate(source);
    }

    /// <summary>One copy of the next window: the baseline run, for <see cref="MedianTimer.PairedSeconds"/>.</summary>
    public void CopyNextWindow()
    {
        source.AsSpan(window * destination.Length, destination.Length).CopyTo(destination);
        window = (window + 1) % Windows;
    }
}
