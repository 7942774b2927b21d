namespace TensorLab;

/// <summary>Seeded fills of weight buffers: the only place TensorLab draws random numbers for parameters.</summary>
internal static class WeightInitializer
{
    public static void Fill(Span<float> weights, EmbeddingInit init, int fanIn, int fanOut, Random random)
    {
        switch (init)
        {
            case EmbeddingInit.Uniform:
                FillUniform(weights, 1.0 / Math.Sqrt(fanOut), random);
                break;
            case EmbeddingInit.Normal:
                FillNormal(weights, 1.0 / Math.Sqrt(fanOut), random);
                break;
            case EmbeddingInit.Xavier:
                FillUniform(weights, Math.Sqrt(6.0 / (fanIn + fanOut)), random);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(init), init, "Unknown initialisation.");
        }
    }

    public static void FillUniform(Span<float> weights, double bound, Random random)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)((random.NextDouble() * 2 - 1) * bound);
        }
    }

    public static void FillNormal(Span<float> weights, double sigma, Random random)
    {
        // Box–Muller gives two independent normals per pair of uniforms.
        for (var i = 0; i < weights.Length; i += 2)
        {
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * sigma;
            var angle = 2 * Math.PI * random.NextDouble();
            weights[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < weights.Length)
            {
                weights[i + 1] = (float)(radius * Math.Sin(angle));
            }
        }
    }
}
