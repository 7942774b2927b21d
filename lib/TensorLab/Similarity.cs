using System.Numerics.Tensors;

namespace TensorLab;

/// <summary>Geometry of an embedding space: cosine similarity, nearest rows, and analogies by vector offsets.</summary>
public static class Similarity
{
    /// <summary>cos(a, b) = a·b / (‖a‖‖b‖); 0 when either vector is all zeros (no direction to compare).</summary>
    /// <param name="a">A vector.</param>
    /// <param name="b">A vector of the same, non-zero length.</param>
    /// <returns>A value in [−1, 1].</returns>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    /// <remarks>PyTorch equivalent: <c>torch.nn.functional.cosine_similarity(a, b, dim=0)</c> (which uses an eps
    /// instead of returning 0).</remarks>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            ThrowHelper.LengthMismatch(nameof(b), a.Length, b.Length, "both vectors need the same length");
        }

        if (a.Length == 0)
        {
            throw new ArgumentException("Cosine similarity of empty vectors is undefined.", nameof(a));
        }

        if (TensorPrimitives.Norm(a) == 0 || TensorPrimitives.Norm(b) == 0)
        {
            return 0;
        }

        return TensorPrimitives.CosineSimilarity(a, b);
    }

    /// <summary>The <paramref name="k"/> rows of <paramref name="table"/> most similar to <paramref name="query"/>,
    /// best first.</summary>
    /// <param name="table">A [V, D] table.</param>
    /// <param name="query">D floats.</param>
    /// <param name="k">How many neighbours, ≥ 0 (fewer come back if the table is smaller).</param>
    /// <param name="exclude">Ids never returned (e.g. the query's own words).</param>
    /// <returns>Neighbours sorted by score descending, ties by id.</returns>
    /// <exception cref="ArgumentException">The table is not rank 2 or the query is not D long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public static Neighbor[] Nearest(
        Tensor table,
        ReadOnlySpan<float> query,
        int k,
        ReadOnlySpan<int> exclude = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rank != 2)
        {
            ThrowHelper.Shape(nameof(table), $"Expected a [vocab, dim] table, found shape {table.ShapeText}.");
        }

        if (query.Length != table.Shape[1])
        {
            ThrowHelper.LengthMismatch(
                nameof(query),
                table.Shape[1],
                query.Length,
                "the query needs the table's dimension");
        }

        if (k < 0)
        {
            ThrowHelper.Negative(nameof(k), k);
        }

        var candidates = new List<Neighbor>(table.Shape[0]);
        for (var id = 0; id < table.Shape[0]; id++)
        {
            if (!exclude.Contains(id))
            {
                candidates.Add(new Neighbor(id, Cosine(table.Row(id), query)));
            }
        }

        candidates.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Id.CompareTo(y.Id));
        return candidates.Take(k).ToArray();
    }

    /// <summary>
    /// "b is to a as c is to ?" (man : king = woman : ?) answered as the rows nearest, by cosine, to
    /// <c>â − b̂ + ĉ</c>, the offset of the three rows scaled to unit length, never returning a, b or c themselves.
    /// </summary>
    /// <param name="table">A [V, D] table.</param>
    /// <param name="a">Id of the word to start from (king).</param>
    /// <param name="b">Id of the word to subtract (man).</param>
    /// <param name="c">Id of the word to add (woman).</param>
    /// <param name="k">How many answers (default 1), ≥ 0.</param>
    /// <returns>The best answers, best first (queen), with their cosine to the query.</returns>
    /// <exception cref="ArgumentException">The table is not rank 2.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside [0, V), or k is negative.</exception>
    /// <remarks>
    /// query = W[a] / ‖W[a]‖ − W[b] / ‖W[b]‖ + W[c] / ‖W[c]‖ (an all-zero row adds nothing: it has no direction);
    /// answers = <see cref="Nearest"/>(W, query, k, exclude: [a, b, c]). Normalising first is word2vec's 3CosAdd:
    /// without it, a word with a long vector (often a frequent one) outweighs the other two and the offset is lost.
    /// PyTorch equivalent: none built in; gensim's <c>most_similar(positive=[a, c], negative=[b])</c> does the same.
    /// </remarks>
    public static Neighbor[] Analogy(Tensor table, int a, int b, int c, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rank != 2)
        {
            ThrowHelper.Shape(nameof(table), $"Expected a [vocab, dim] table, found shape {table.ShapeText}.");
        }

        var query = new float[table.Shape[1]];
        int[] words = [a, b, c];
        for (var i = 0; i < words.Length; i++)
        {
            if ((uint)words[i] >= (uint)table.Shape[0])
            {
                ThrowHelper.IdOutOfRange(
                    i switch { 0 => nameof(a), 1 => nameof(b), _ => nameof(c) },
                    words[i],
                    i,
                    table.Shape[0]);
            }

            var row = table.Row(words[i]);
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                TensorPrimitives.MultiplyAdd(row, (i == 1 ? -1f : 1f) / norm, query, query);
            }
        }

        return Nearest(table, query, k, words);
    }
}
