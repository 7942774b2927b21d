using System.Numerics.Tensors;

namespace TensorLab;

/// <summary>
/// A token embedding table: row <c>i</c> of <see cref="Weight"/> [V, D] is the vector of token id <c>i</c>.
/// Looking up a sequence copies its rows; the gradient of that copy is a scatter-add back into the rows.
/// </summary>
/// <remarks>
/// Forward: <c>out[n, :] = Weight[ids[n], :]</c>, which equals <c>onehot(ids) · Weight</c> without the V-wide product.
/// Backward: <c>Grad[ids[n], :] += gradOutput[n, :]</c>, skipping <see cref="PaddingIdx"/>.
/// PyTorch equivalent: <c>torch.nn.Embedding(num_embeddings, embedding_dim, padding_idx)</c>.
/// </remarks>
public sealed class Embedding
{
    /// <summary>Creates a table with seeded random weights; the padding row, if any, starts at zero.</summary>
    /// <param name="vocabSize">V, the number of token ids (rows); must be positive.</param>
    /// <param name="embeddingDim">D, the length of each vector (columns); must be positive.</param>
    /// <param name="paddingIdx">A token id whose row stays zero and gets no gradient; null
    /// (the default) for none.</param>
    /// <param name="init">How weights are drawn (default <see cref="EmbeddingInit.Uniform"/>).</param>
    /// <param name="seed">Seed of the generator: equal seeds give equal tables (default 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">V or D is not positive, or <paramref name="paddingIdx"/> is
    /// outside [0, V).</exception>
    public Embedding(
        int vocabSize,
        int embeddingDim,
        int? paddingIdx = null,
        EmbeddingInit init = EmbeddingInit.Uniform,
        int seed = 0)
    {
        if (vocabSize <= 0)
        {
            ThrowHelper.NotPositive(nameof(vocabSize), vocabSize);
        }

        if (embeddingDim <= 0)
        {
            ThrowHelper.NotPositive(nameof(embeddingDim), embeddingDim);
        }

        if (paddingIdx is { } padding && (uint)padding >= (uint)vocabSize)
        {
            ThrowHelper.IdOutOfRange(nameof(paddingIdx), padding, 0, vocabSize);
        }

        VocabSize = vocabSize;
        EmbeddingDim = embeddingDim;
        PaddingIdx = paddingIdx;
        // Lookups and the backward pass read and write random rows: large tables get huge pages (LargeTableMemory).
        var weights = LargeTableMemory.Zeroed(checked(vocabSize * embeddingDim));
        Weight = Tensor.FromArray(weights, vocabSize, embeddingDim);
        Grad = Tensor.FromArray(LargeTableMemory.Zeroed(weights.Length), vocabSize, embeddingDim);
        WeightInitializer.Fill(Weight.Span, init, vocabSize, embeddingDim, new Random(seed));
        if (paddingIdx is { } row)
        {
            Weight.Row(row).Clear();
        }

        LargeTableMemory.Consolidate(weights);
    }

    private Embedding(Tensor weight, int? paddingIdx)
    {
        VocabSize = weight.Shape[0];
        EmbeddingDim = weight.Shape[1];
        PaddingIdx = paddingIdx;
        Weight = weight;
        Grad = Tensor.Zeros(VocabSize, EmbeddingDim);
        if (paddingIdx is { } row)
        {
            Weight.Row(row).Clear();
        }
    }

    /// <summary>Creates a table over existing weights (pretrained vectors,
    /// or a hand-made table in a notebook).</summary>
    /// <param name="weight">A [V, D] tensor with V, D ≥ 1; it is used as is (no copy),
    /// so training writes into it.</param>
    /// <param name="paddingIdx">A token id whose row is set to zero now and gets no gradient; null
    /// (the default) for none.</param>
    /// <returns>A table whose <see cref="Weight"/> is <paramref name="weight"/> and whose <see cref="Grad"/> is
    /// zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="weight"/> is not rank 2 or has an empty axis.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="paddingIdx"/> is outside [0, V).</exception>
    /// <remarks>PyTorch equivalent:
    /// <c>torch.nn.Embedding.from_pretrained(weight, freeze=False, padding_idx=...)</c>.</remarks>
    public static Embedding FromWeights(Tensor weight, int? paddingIdx = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Rank != 2 || weight.Shape[0] == 0 || weight.Shape[1] == 0)
        {
            ThrowHelper.Shape(
                nameof(weight),
                $"Expected a [vocab, dim] table with both sizes at least 1, found shape {weight.ShapeText}.");
        }

        if (paddingIdx is { } padding && (uint)padding >= (uint)weight.Shape[0])
        {
            ThrowHelper.IdOutOfRange(nameof(paddingIdx), padding, 0, weight.Shape[0]);
        }

        return new Embedding(weight, paddingIdx);
    }

    /// <summary>V, the number of rows.</summary>
    public int VocabSize { get; }

    /// <summary>D, the length of each row.</summary>
    public int EmbeddingDim { get; }

    /// <summary>The id whose row is frozen at zero, or null.</summary>
    public int? PaddingIdx { get; }

    /// <summary>The table, [V, D], row-major.</summary>
    public Tensor Weight { get; }

    /// <summary>Accumulated gradient of a loss with respect to <see cref="Weight"/>, [V, D].</summary>
    public Tensor Grad { get; }

    /// <summary>V × D, the number of trainable numbers.</summary>
    public long ParameterCount => (long)VocabSize * EmbeddingDim;

    /// <summary>Bytes of <see cref="Weight"/> in fp32: V × D × 4.</summary>
    public long WeightBytes => ParameterCount * sizeof(float);

    /// <summary>Copies the rows of <paramref name="ids"/> into <paramref name="destination"/>; allocates nothing
    /// below 2 MiB of destination.</summary>
    /// <param name="ids">Token ids, each in [0, V).</param>
    /// <param name="destination">ids.Length × D floats, [n, D] row-major.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not ids.Length × D long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside [0, V); nothing is written.</exception>
    /// <remarks>
    /// <c>destination[n, :] = Weight[ids[n], :]</c>. Tables of 1 MiB and more are copied with the next rows requested
    /// from memory ahead of time, and tables built by the constructor from 4 MiB on sit on 2 MiB pages where Linux
    /// allows it: a lookup from a table much larger than the cache is limited by memory latency, not arithmetic.
    /// From such a table, a destination of 2 MiB and more is split across the cores, each copying its own run of ids
    /// (one core alone keeps too few cache misses in flight to read random rows as fast as memory delivers them; the
    /// split allocates two small objects of bookkeeping), and one of 16 MiB and more is written with streaming stores,
    /// which skip reading the lines they overwrite.
    /// PyTorch equivalent: <c>torch.nn.functional.embedding(ids, weight, out=...)</c>.
    /// </remarks>
    public void Lookup(ReadOnlySpan<int> ids, Span<float> destination)
    {
        var dim = EmbeddingDim;
        if (destination.Length != ids.Length * dim)
        {
            ThrowHelper.DestinationLength(
                nameof(destination),
                ids.Length * dim,
                destination.Length,
                "ids.Length × embeddingDim");
        }

        ValidateIds(ids);
        // In words: destination row n = Weight row ids[n]. RowGather.CopyRowsPlain is exactly that loop; the path
        // taken for large tables does the same copies while fetching the next rows from memory (see RowGather).
        RowGather.CopyRows(Weight.Span, dim, ids, destination);
    }

    /// <summary>The rows of <paramref name="ids"/> as a new [n, D] tensor; allocates only the result.</summary>
    /// <param name="ids">Token ids, each in [0, V).</param>
    /// <returns>A tensor of shape [ids.Length, D].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside [0, V).</exception>
    /// <remarks>
    /// A result of 4 MiB and more fills whole 2 MiB pages where Linux allows it, so writing it costs a couple of page
    /// faults instead of a thousand; its array is then up to 4 MiB longer than the result (see LargeTableMemory).
    /// PyTorch equivalent: <c>embedding(ids)</c> for a 1-D <c>ids</c>.
    /// </remarks>
    public Tensor Forward(ReadOnlySpan<int> ids)
    {
        ValidateIds(ids);
        // Every element is overwritten by the lookup, so zeroing the buffer first would be wasted bandwidth.
        var result = LargeTableMemory.UninitializedOnHugePages(ids.Length, EmbeddingDim);
        Lookup(ids, result.Span);
        return result;
    }

    /// <summary>The rows of a [B, S] batch of ids as a new [B, S, D] tensor.</summary>
    /// <param name="ids">Token ids, [batch, sequence], each in [0, V).</param>
    /// <returns>A tensor of shape [B, S, D].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside [0, V);
    /// its position is the row-major index.</exception>
    /// <remarks>PyTorch equivalent: <c>embedding(ids)</c> for a 2-D <c>ids</c>.</remarks>
    public Tensor Forward(int[,] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var flat = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(
            ref System.Runtime.CompilerServices.Unsafe.As<byte, int>(
                ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(ids)), ids.Length);
        return Forward(flat).Reshape(ids.GetLength(0), ids.GetLength(1), EmbeddingDim);
    }

    /// <summary>Adds each row of <paramref name="gradOutput"/> into the <see cref="Grad"/> row of its id
    /// (scatter-add).</summary>
    /// <param name="ids">The ids of the forward pass.</param>
    /// <param name="gradOutput">∂loss/∂output, ids.Length × D; repeated ids accumulate.</param>
    /// <exception cref="ArgumentException"><paramref name="gradOutput"/> is not ids.Length × D long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside [0, V).</exception>
    /// <remarks>The padding row receives nothing. PyTorch equivalent: the backward of <c>torch.nn.Embedding</c>
    /// (index_add_).</remarks>
    public void Backward(ReadOnlySpan<int> ids, ReadOnlySpan<float> gradOutput)
    {
        var dim = EmbeddingDim;
        if (gradOutput.Length != ids.Length * dim)
        {
            ThrowHelper.LengthMismatch(
                nameof(gradOutput),
                ids.Length * dim,
                gradOutput.Length,
                "ids.Length × embeddingDim");
        }

        ValidateIds(ids);
        var grad = Grad.Span;
        for (var n = 0; n < ids.Length; n++)
        {
            if (ids[n] == PaddingIdx)
            {
                continue;
            }

            var row = grad.Slice(ids[n] * dim, dim);
            TensorPrimitives.Add(row, gradOutput.Slice(n * dim, dim), row);
        }
    }

    /// <summary>Sets <see cref="Grad"/> to zero.</summary>
    /// <remarks>PyTorch equivalent: <c>optimizer.zero_grad()</c>.</remarks>
    public void ZeroGrad() => Grad.Span.Clear();

    /// <summary>One step of plain SGD: <c>Weight −= learningRate · Grad</c>; the padding row stays zero.</summary>
    /// <param name="learningRate">Step size; must be finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is NaN or infinite.</exception>
    /// <remarks>PyTorch equivalent: <c>torch.optim.SGD(params, lr).step()</c>.</remarks>
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
        if (PaddingIdx is { } padding)
        {
            Weight.Row(padding).Clear();
        }
    }

    private void ValidateIds(ReadOnlySpan<int> ids)
    {
        var vocab = (uint)VocabSize;
        for (var n = 0; n < ids.Length; n++)
        {
            if ((uint)ids[n] >= vocab)
            {
                ThrowHelper.IdOutOfRange(nameof(ids), ids[n], n, VocabSize);
            }
        }
    }
}
