using System.Numerics.Tensors;

namespace TensorLab;

/// <summary>
/// A trainable position table (GPT-2 style): one learned vector per position, so it costs
/// MaxSeqLength × D parameters and knows nothing about positions it was not trained on.
/// </summary>
/// <remarks>PyTorch equivalent: <c>torch.nn.Embedding(max_seq_len, dim)</c> indexed by
/// <c>arange(seq_len)</c>.</remarks>
public sealed class LearnedPositionalEmbedding
{
    /// <summary>Creates a table drawn from a normal distribution with σ = 0.02 (GPT-2's choice).</summary>
    /// <param name="maxSeqLength">The number of positions; must be positive.</param>
    /// <param name="embeddingDim">D; must be positive.</param>
    /// <param name="seed">Seed of the generator (default 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public LearnedPositionalEmbedding(int maxSeqLength, int embeddingDim, int seed = 0)
    {
        if (maxSeqLength <= 0)
        {
            ThrowHelper.NotPositive(nameof(maxSeqLength), maxSeqLength);
        }

        if (embeddingDim <= 0)
        {
            ThrowHelper.NotPositive(nameof(embeddingDim), embeddingDim);
        }

        MaxSeqLength = maxSeqLength;
        EmbeddingDim = embeddingDim;
        Weight = Tensor.Zeros(maxSeqLength, embeddingDim);
        Grad = Tensor.Zeros(maxSeqLength, embeddingDim);
        WeightInitializer.FillNormal(Weight.Span, 0.02, new Random(seed));
    }

    /// <summary>The number of positions the table holds.</summary>
    public int MaxSeqLength { get; }

    /// <summary>D.</summary>
    public int EmbeddingDim { get; }

    /// <summary>The table, [MaxSeqLength, D].</summary>
    public Tensor Weight { get; }

    /// <summary>Accumulated gradient, [MaxSeqLength, D].</summary>
    public Tensor Grad { get; }

    /// <summary>MaxSeqLength × D trainable numbers (a sinusoidal table has none).</summary>
    public long ParameterCount => (long)MaxSeqLength * EmbeddingDim;

    /// <summary>Copies the vector of <paramref name="position"/> into <paramref name="destination"/>.</summary>
    /// <param name="position">0 ≤ position &lt; MaxSeqLength.</param>
    /// <param name="destination">D floats.</param>
    /// <exception cref="ArgumentOutOfRangeException">The position is negative or beyond the table (no
    /// extrapolation).</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not D long.</exception>
    public void Encode(int position, Span<float> destination) =>
        PositionTable.Encode(Weight.Span, EmbeddingDim, MaxSeqLength, position, destination, learned: true);

    /// <summary>Adds the vectors of positions 0…S−1 to <paramref name="x"/> in place, for [S,
    /// D] or [B, S, D].</summary>
    /// <param name="x">Token embeddings; last axis D, sequence axis at most MaxSeqLength.</param>
    /// <exception cref="ArgumentException">The rank is not 2 or 3, or the last axis is not D.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sequence is longer than the table.</exception>
    public void AddTo(Tensor x) => PositionTable.AddTo(Weight.Span, EmbeddingDim, MaxSeqLength, x, learned: true);

    /// <summary>Accumulates ∂loss/∂Weight from ∂loss/∂output of <see cref="AddTo(Tensor)"/>,
    /// summed over the batch.</summary>
    /// <param name="gradOutput">B × S × D floats.</param>
    /// <param name="sequenceLength">S.</param>
    /// <exception cref="ArgumentException">The length is not a whole number of [S, D] blocks.</exception>
    /// <exception cref="ArgumentOutOfRangeException">S is negative or longer than the table.</exception>
    public void Backward(ReadOnlySpan<float> gradOutput, int sequenceLength)
    {
        if (sequenceLength < 0)
        {
            ThrowHelper.Negative(nameof(sequenceLength), sequenceLength);
        }

        if (sequenceLength > MaxSeqLength)
        {
            ThrowHelper.SequenceTooLong(nameof(sequenceLength), sequenceLength, MaxSeqLength, learned: true);
        }

        var block = sequenceLength * EmbeddingDim;
        if (gradOutput.Length == 0)
        {
            return;
        }

        if (block == 0 || gradOutput.Length % block != 0)
        {
            ThrowHelper.LengthMismatch(
                nameof(gradOutput),
                block,
                gradOutput.Length,
                "a whole number of [sequenceLength, embeddingDim] blocks");
        }

        var grad = Grad.Span[..block];
        for (var start = 0; start < gradOutput.Length; start += block)
        {
            TensorPrimitives.Add(grad, gradOutput.Slice(start, block), grad);
        }
    }

    /// <summary>Sets <see cref="Grad"/> to zero.</summary>
    public void ZeroGrad() => Grad.Span.Clear();

    /// <summary>Plain SGD: <c>Weight −= learningRate · Grad</c>.</summary>
    /// <param name="learningRate">Step size; must be finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is NaN or infinite.</exception>
    public void Step(float learningRate)
    {
        if (!float.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(
                nameof(learningRate),
                learningRate,
                "The learning rate must be a finite number.");
        }

        TensorPrimitives.MultiplyAdd(Grad.Span, -learningRate, Weight.Span, Weight.Span);
    }
}
