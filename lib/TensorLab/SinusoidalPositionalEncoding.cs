using System.Numerics.Tensors;

namespace TensorLab;

/// <summary>
/// The fixed sine/cosine position table of "Attention Is All You Need": no parameters, any length up to
/// <see cref="MaxSeqLength"/>, and nearby positions get similar vectors.
/// </summary>
/// <remarks>
/// <c>PE(pos, 2i) = sin(pos / θ^(2i/D))</c>, <c>PE(pos, 2i+1) = cos(pos / θ^(2i/D))</c>. Angles are computed in
/// double and rounded once to float. With an odd D the last column (index D−1, even) is the sine of its own pair's
/// frequency, and that pair has no cosine column.
/// PyTorch equivalent: none built in; the usual hand-written <c>PositionalEncoding</c> module of the tutorials.
/// </remarks>
public sealed class SinusoidalPositionalEncoding
{
    private const int AnchorEvery = 32;

    /// <summary>Precomputes the table.</summary>
    /// <param name="embeddingDim">D, the vector length; must be positive (odd values are fine).</param>
    /// <param name="maxSeqLength">Rows of the table, the longest sequence <see cref="AddTo(Tensor)"/> accepts (default 5000).</param>
    /// <param name="theta">The base θ of the wavelengths (default 10000); must be greater than 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">D or maxSeqLength is not positive, or θ ≤ 1.</exception>
    public SinusoidalPositionalEncoding(int embeddingDim, int maxSeqLength = 5000, double theta = 10000.0)
    {
        if (embeddingDim <= 0)
        {
            ThrowHelper.NotPositive(nameof(embeddingDim), embeddingDim);
        }

        if (maxSeqLength <= 0)
        {
            ThrowHelper.NotPositive(nameof(maxSeqLength), maxSeqLength);
        }

        if (!(theta > 1) || double.IsInfinity(theta))
        {
            throw new ArgumentOutOfRangeException(nameof(theta), theta, "theta must be a finite number greater than 1.");
        }

        EmbeddingDim = embeddingDim;
        MaxSeqLength = maxSeqLength;
        Theta = theta;
        // Build writes every element, so the table need not be zeroed first.
        Table = Tensor.Uninitialized(maxSeqLength, embeddingDim);
        Build(Table.Span, embeddingDim, maxSeqLength, theta);
    }

    /// <summary>D, the vector length.</summary>
    public int EmbeddingDim { get; }

    /// <summary>The number of positions in <see cref="Table"/>.</summary>
    public int MaxSeqLength { get; }

    /// <summary>The wavelength base θ.</summary>
    public double Theta { get; }

    /// <summary>The table, [MaxSeqLength, D]; row p is the encoding of position p.</summary>
    public Tensor Table { get; }

    /// <summary>Copies the encoding of <paramref name="position"/> into <paramref name="destination"/>.</summary>
    /// <param name="position">0 ≤ position &lt; MaxSeqLength.</param>
    /// <param name="destination">D floats.</param>
    /// <exception cref="ArgumentOutOfRangeException">The position is negative or beyond the table.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not D long.</exception>
    public void Encode(int position, Span<float> destination) =>
        PositionTable.Encode(Table.Span, EmbeddingDim, MaxSeqLength, position, destination, learned: false);

    /// <summary>Adds the encodings of positions 0…S−1 to <paramref name="x"/> in place, for [S, D] or [B, S, D].</summary>
    /// <param name="x">Token embeddings; its last axis must be D and its sequence axis at most MaxSeqLength.</param>
    /// <exception cref="ArgumentException">The rank is not 2 or 3, or the last axis is not D.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sequence is longer than MaxSeqLength.</exception>
    /// <remarks>PyTorch equivalent: <c>x + pe[:x.size(-2)]</c> (broadcast over the batch).</remarks>
    public void AddTo(Tensor x) => PositionTable.AddTo(Table.Span, EmbeddingDim, MaxSeqLength, x, learned: false);

    /// <summary>Adds the encodings to a flat buffer of whole [sequenceLength, D] blocks (one per batch item), in place.</summary>
    /// <param name="x">B × sequenceLength × D floats, row-major.</param>
    /// <param name="sequenceLength">S, at most MaxSeqLength.</param>
    /// <exception cref="ArgumentException">The length is not a whole number of [S, D] blocks.</exception>
    /// <exception cref="ArgumentOutOfRangeException">S is negative or longer than MaxSeqLength.</exception>
    public void AddTo(Span<float> x, int sequenceLength) =>
        PositionTable.AddTo(Table.Span, EmbeddingDim, MaxSeqLength, x, sequenceLength, learned: false);

    private static void Build(Span<float> table, int dim, int length, double theta)
    {
        // One frequency per (sin, cos) pair; an odd D has one extra pair whose cosine column does not exist.
        var pairs = (dim + 1) / 2;
        var frequencies = new double[pairs];
        for (var i = 0; i < pairs; i++)
        {
            frequencies[i] = Math.Pow(theta, -2.0 * i / dim);
        }

        // Moving one position is a rotation by each pair's frequency (angle addition), which costs two
        // multiply-adds instead of a sine and a cosine. Rotations accumulate rounding slowly, so every
        // AnchorEvery rows the pair is recomputed exactly from its angle; in between, the error stays below 1e-13.
        var stepSin = new double[pairs];
        var stepCos = new double[pairs];
        TensorPrimitives.SinCos<double>(frequencies, stepSin, stepCos);
        var sines = new double[pairs];
        var cosines = new double[pairs];
        var angles = new double[pairs];
        var rotatedSin = new double[pairs];
        for (var position = 0; position < length; position++)
        {
            if (position % AnchorEvery == 0)
            {
                TensorPrimitives.Multiply(frequencies, position, angles);
                for (var i = 0; i < pairs; i++)
                {
                    (sines[i], cosines[i]) = Math.SinCos(angles[i]);
                }
            }
            else
            {
                // sin(a + w) = sin a cos w + cos a sin w;  cos(a + w) = cos a cos w − sin a sin w.
                TensorPrimitives.Multiply(sines, stepCos, rotatedSin);
                TensorPrimitives.MultiplyAdd(cosines, stepSin, rotatedSin, rotatedSin);
                TensorPrimitives.Multiply(sines, stepSin, angles);
                TensorPrimitives.Multiply(cosines, stepCos, cosines);
                TensorPrimitives.Subtract(cosines, angles, cosines);
                rotatedSin.AsSpan().CopyTo(sines);
            }

            var row = table.Slice(position * dim, dim);
            for (var i = 0; i < pairs; i++)
            {
                row[2 * i] = (float)sines[i];
                if (2 * i + 1 < dim)
                {
                    row[2 * i + 1] = (float)cosines[i];
                }
            }
        }
    }
}
