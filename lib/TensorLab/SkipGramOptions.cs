namespace TensorLab;

/// <summary>Settings of <see cref="SkipGram.Train"/>.</summary>
/// <param name="Dimension">Vector length D (default 32).</param>
/// <param name="Window">Context words on each side of the centre word (default 2).</param>
/// <param name="NegativeSamples">Noise words per true pair (default 5).</param>
/// <param name="Epochs">Passes over the corpus (default 5).</param>
/// <param name="LearningRate">Initial SGD step, decayed linearly to 1% of it (default 0.05).</param>
/// <param name="Seed">Seed for initial vectors and noise sampling (default 0).</param>
public sealed record SkipGramOptions(int Dimension = 32, int Window = 2, int NegativeSamples = 5, int Epochs = 5,
    float LearningRate = 0.05f, int Seed = 0);
