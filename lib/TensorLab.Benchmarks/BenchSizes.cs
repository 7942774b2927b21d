namespace TensorLab.Benchmarks;

/// <summary>
/// The sizes the issue fixes: a DRAM-sized table, a batch of 32×512 ids, a 5000×512 PE table. Every ratio is measured
/// <see cref="Rounds"/> times (each round: both sides, <see cref="Repeats"/> timed runs each) to show its spread.
/// </summary>
internal sealed record BenchSizes(int VocabSize, int[] Dimensions, int Tokens, int PositionalLength, int PositionalDim,
    int AddBatch, int AddSequence, int Warmup, int Repeats, int Rounds)
{
    public static BenchSizes Full { get; } = new(
        50_000,
        [512, 64],
        32 * 512,
        5000,
        512,
        32,
        512,
        Warmup: 3,
        Repeats: 21,
        Rounds: 5);

    /// <summary>Same shapes, fewer runs: for CI smoke runs; still three rounds, so the spread is printed.</summary>
    public static BenchSizes Quick { get; } = Full with { Warmup = 1, Repeats = 5, Rounds = 3 };
}
