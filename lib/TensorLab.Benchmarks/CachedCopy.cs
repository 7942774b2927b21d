namespace TensorLab.Benchmarks;

/// <summary>
/// The roof for an operation on data that stays in place between runs (AddTo's batch): a memcpy of the same bytes
/// between two buffers allocated once, so every run copies the same, already touched memory.
/// </summary>
internal sealed class CachedCopy
{
    private readonly float[] source;
    private readonly float[] destination;

    /// <summary>Allocates and touches both buffers once, so no run pays for page faults.</summary>
    public CachedCopy(long bytes)
    {
        source = new float[bytes / sizeof(float)];
        destination = new float[source.Length];
        source.AsSpan().Fill(1f);
        destination.AsSpan().Fill(0f);
    }

    /// <summary>One copy: the baseline run, for <see cref="MedianTimer.PairedSeconds"/>.</summary>
    public void Copy() => source.AsSpan().CopyTo(destination);
}
