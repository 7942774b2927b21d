using System.Numerics.Tensors;

namespace TensorLab;

/// <summary>What the fixed and the learned positional tables share: adding rows [0, S) to a [S, D] or [B,
/// S, D] input.</summary>
internal static class PositionTable
{
    /// <summary>
    /// Floats per TensorPrimitives.Add call in AddTo (64 KiB). Above 256 KiB per call TensorPrimitives writes with
    /// non-temporal stores, which send the updated x to DRAM and out of the caches: right for a one-off copy, wrong for
    /// an input the model reads again at once. Pieces of 64 KiB keep ordinary stores and still cost one call
    /// per 16,384 adds.
    /// </summary>
    private const int AddPieceFloats = 16 * 1024;

    public static void AddTo(ReadOnlySpan<float> table, int embeddingDim, int maxSeqLength, Tensor x, bool learned)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank is not (2 or 3))
        {
            ThrowHelper.Shape(
                nameof(x),
                $"Expected a [seq, dim] or [batch, seq, dim] tensor, found shape {x.ShapeText}.");
        }

        if (x.Shape[^1] != embeddingDim)
        {
            ThrowHelper.DimensionMismatch(nameof(x), embeddingDim, x.Shape[^1]);
        }

        AddTo(table, embeddingDim, maxSeqLength, x.Span, x.Shape[^2], learned);
    }

    public static void AddTo(
        ReadOnlySpan<float> table,
        int embeddingDim,
        int maxSeqLength,
        Span<float> x,
        int sequenceLength,
        bool learned)
    {
        if (sequenceLength < 0)
        {
            ThrowHelper.Negative(nameof(sequenceLength), sequenceLength);
        }

        if (sequenceLength > maxSeqLength)
        {
            ThrowHelper.SequenceTooLong(nameof(sequenceLength), sequenceLength, maxSeqLength, learned);
        }

        var block = sequenceLength * embeddingDim;
        if (block == 0 || x.Length % block != 0)
        {
            if (x.Length == 0)
            {
                return;
            }

            ThrowHelper.LengthMismatch(
                nameof(x),
                block,
                x.Length,
                "a whole number of [sequenceLength, embeddingDim] blocks");
        }

        // The table slice [S, D] is broadcast over the batch axis: x[b] += table[..S], one whole sequence at a time,
        // cut into pieces that keep TensorPrimitives on ordinary stores (see AddPieceFloats).
        var positions = table[..block];
        for (var start = 0; start < x.Length; start += block)
        {
            var sequence = x.Slice(start, block);
            for (var piece = 0; piece < block; piece += AddPieceFloats)
            {
                var length = Math.Min(AddPieceFloats, block - piece);
                var part = sequence.Slice(piece, length);
                TensorPrimitives.Add(part, positions.Slice(piece, length), part);
            }
        }
    }

    public static void Encode(
        ReadOnlySpan<float> table,
        int embeddingDim,
        int maxSeqLength,
        int position,
        Span<float> destination,
        bool learned)
    {
        if (position < 0)
        {
            ThrowHelper.Negative(nameof(position), position);
        }

        if (position >= maxSeqLength)
        {
            ThrowHelper.SequenceTooLong(nameof(position), position + 1, maxSeqLength, learned);
        }

        if (destination.Length != embeddingDim)
        {
            ThrowHelper.DestinationLength(nameof(destination), embeddingDim, destination.Length, "embeddingDim");
        }

        table.Slice(position * embeddingDim, embeddingDim).CopyTo(destination);
    }
}
