namespace TensorLab;

/// <summary>One timed lookup (or copy): the median of repeated runs and the rates it implies.</summary>
/// <param name="Tokens">Rows looked up per run (0 for a plain copy).</param>
/// <param name="BytesPerRun">Bytes written per run (ids × D × 4 for a lookup).</param>
/// <param name="MedianSeconds">The median duration of one run.</param>
public sealed record LookupMeasurement(int Tokens, long BytesPerRun, double MedianSeconds)
{
    /// <summary>Rows per second.</summary>
    public double TokensPerSecond => Tokens / MedianSeconds;

    /// <summary>Bytes written per second, in GB/s (10⁹).</summary>
    public double GigabytesPerSecond => BytesPerRun / MedianSeconds / 1e9;
}
