namespace TensorLab.Benchmarks;

/// <summary>The sizes the issue fixes: a DRAM-sized table, a batch of 32×512 ids, a 5000×512 PE table.</summary>
internal sealed record BenchSizes(int VocabSize, int[] Dimensions, int Tokens, int PositionalLength, int PositionalDim,
    int AddBatch, int AddSequence, int Warmup, int Repeats)
{
    public static BenchSizes Full { get; } = new(50_000, [512, 64], 32 * 512, 5000, 512, 32, 512, Warmup: 3, Repeats: 21);

    /// <summary>Same shapes, fewer repeats: for CI smoke runs where only "does it run" matters.</summary>
    public static BenchSizes Quick { get; } = Full with { Warmup = 1, Repeats = 5 };
}
