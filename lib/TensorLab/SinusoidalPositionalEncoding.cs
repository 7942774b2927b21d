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
    /// <param name="maxSeqLength">Rows of the table, the longest sequence <see cref="AddTo(Tensor)"/> accepts
    /// (default 5000).</param>
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
            throw new ArgumentOutOfRangeException(
                nameof(theta),
                theta,
                "theta must be a finite number greater than 1.");
        }

        EmbeddingDim = embeddingDim;
        MaxSeqLength = maxSeqLength;
        Theta = theta;
        // Build writes every element, so the table need not be zeroed first. A large table is faulted in as a few
        // 2 MiB pages instead of thousands of 4 KiB ones (see LargeTableMemory).
        Table = LargeTableMemory.UninitializedOnHugePages(maxSeqLength, embeddingDim);
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

    /// <summary>Adds the encodings of positions 0…S−1 to <paramref name="x"/> in place, for [S,
    /// D] or [B, S, D].</summary>
    /// <param name="x">Token embeddings; its last axis must be D and its sequence axis at most MaxSeqLength.</param>
    /// <exception cref="ArgumentException">The rank is not 2 or 3, or the last axis is not D.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sequence is longer than MaxSeqLength.</exception>
    /// <remarks>PyTorch equivalent: <c>x + pe[:x.size(-2)]</c> (broadcast over the batch).</remarks>
    public void AddTo(Tensor x) => PositionTable.AddTo(Table.Span, EmbeddingDim, MaxSeqLength, x, learned: false);

    /// <summary>Adds the encodings to a flat buffer of whole [sequenceLength, D] blocks
    /// (one per batch item), in place.</summary>
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

        // Moving one position is a rotation by each pair's frequency w (angle addition), two multiply-adds instead of
        // a sine and a cosine. The row is kept in its final interleaved order, in double: `row` holds
        // [sin a₀, cos a₀, sin a₁, cos a₁, …] and `quadrature` the same columns a quarter turn on,
        // [cos a₀, −sin a₀, cos a₁, −sin a₁, …]. Then for every column at once
        //   row' = row · cos w + quadrature · sin w,   quadrature' = quadrature · cos w − row · sin w,
        // so each new row is four vector operations and one conversion to float, with no per-column shuffling.
        var pairSin = new double[pairs];
        var pairCos = new double[pairs];
        TensorPrimitives.SinCos<double>(frequencies, pairSin, pairCos);
        var stepCos = new double[dim];
        var stepSin = new double[dim];
        var negativeStepSin = new double[dim];
        for (var column = 0; column < dim; column++)
        {
            stepCos[column] = pairCos[column / 2];
            stepSin[column] = pairSin[column / 2];
            negativeStepSin[column] = -pairSin[column / 2];
        }

        var row = new double[dim];
        var quadrature = new double[dim];
        var next = new double[dim];
        for (var position = 0; position < length; position++)
        {
            if (position % AnchorEvery == 0)
            {
                // Rotations accumulate rounding slowly, so every AnchorEvery rows the row is recomputed exactly from
                // its angles; in between, the error stays below 1e-13.
                Anchor(frequencies, position, row, quadrature);
            }
            else
            {
                TensorPrimitives.Multiply(row, stepCos, next);
                TensorPrimitives.MultiplyAdd(quadrature, stepSin, next, next);
                TensorPrimitives.Multiply(quadrature, stepCos, quadrature);
                TensorPrimitives.MultiplyAdd(row, negativeStepSin, quadrature, quadrature);
                (row, next) = (next, row);
            }

            // For double → float, "truncating" is the ordinary cast (float)x: rounded to nearest, once per element.
            TensorPrimitives.ConvertTruncating<double, float>(row, table.Slice(position * dim, dim));
        }
    }

    /// <summary>Sets <paramref name="row"/> and <paramref name="quadrature"/> of <paramref name="position"/> from exact
    /// sines and cosines.</summary>
    private static void Anchor(double[] frequencies, int position, double[] row, double[] quadrature)
    {
        for (var pair = 0; pair < frequencies.Length; pair++)
        {
            var (sin, cos) = Math.SinCos(position * frequencies[pair]);
            row[2 * pair] = sin;
            quadrature[2 * pair] = cos;
            // An odd D ends on a sine column: its pair has no cosine column.
            if (2 * pair + 1 < row.Length)
            {
                row[2 * pair + 1] = cos;
                quadrature[2 * pair + 1] = -sin;
            }
        }
    }
}
