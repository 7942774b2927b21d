namespace TensorLab;

/// <summary>Trained word vectors with their vocabulary: look up, compare,
/// find neighbours and analogies by word.</summary>
public sealed class WordVectors
{
    private readonly Dictionary<string, int> ids;

    /// <summary>Wraps a [V, D] table whose row i is the vector of <paramref name="vocabulary"/>[i].</summary>
    /// <param name="vectors">The table.</param>
    /// <param name="vocabulary">One word per row.</param>
    /// <exception cref="ArgumentException">The table's rows and the vocabulary differ in number.</exception>
    public WordVectors(Tensor vectors, IReadOnlyList<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vectors.Rank != 2 || vectors.Shape[0] != vocabulary.Count)
        {
            ThrowHelper.Shape(
                nameof(vectors),
                $"Expected [{vocabulary.Count}, dim] vectors for {vocabulary.Count} words, found {vectors.ShapeText}.");
        }

        Vectors = vectors;
        Vocabulary = vocabulary;
        ids = vocabulary.Select((word, id) => (word, id)).ToDictionary(p => p.word, p => p.id);
    }

    /// <summary>The vectors, [V, D].</summary>
    public Tensor Vectors { get; }

    /// <summary>The words, in row order.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>A copy of the vector of <paramref name="word"/>.</summary>
    /// <param name="word">A word of the vocabulary.</param>
    /// <returns>D floats.</returns>
    /// <exception cref="ArgumentException">Unknown word.</exception>
    public float[] VectorOf(string word) => Vectors.Row(IdOf(word)).ToArray();

    /// <summary>Cosine similarity of two words.</summary>
    /// <param name="a">A word.</param>
    /// <param name="b">Another word.</param>
    /// <returns>A value in [−1, 1].</returns>
    /// <exception cref="ArgumentException">Unknown word.</exception>
    public float Similarity(string a, string b) =>
        TensorLab.Similarity.Cosine(Vectors.Row(IdOf(a)), Vectors.Row(IdOf(b)));

    /// <summary>The <paramref name="k"/> words closest to <paramref name="word"/>, excluding itself.</summary>
    /// <param name="word">A word.</param>
    /// <param name="k">How many (default 5).</param>
    /// <returns>(word, cosine) pairs, best first.</returns>
    /// <exception cref="ArgumentException">Unknown word.</exception>
    public IReadOnlyList<(string Word, float Score)> Nearest(string word, int k = 5)
    {
        var id = IdOf(word);
        return Named(TensorLab.Similarity.Nearest(Vectors, Vectors.Row(id), k, [id]));
    }

    /// <summary>
    /// â − b̂ + ĉ on unit-length rows (<see cref="TensorLab.Similarity.Analogy"/>): "<paramref name="a"/> is to
    /// <paramref name="b"/> as ? is to <paramref name="c"/>" (king, man, woman → queen).
    /// </summary>
    /// <param name="a">The word to start from.</param>
    /// <param name="b">The word to subtract.</param>
    /// <param name="c">The word to add.</param>
    /// <param name="k">How many answers (default 5).</param>
    /// <returns>(word, cosine) pairs, best first, never a, b or c.</returns>
    /// <exception cref="ArgumentException">Unknown word.</exception>
    public IReadOnlyList<(string Word, float Score)> Analogy(string a, string b, string c, int k = 5) =>
        Named(TensorLab.Similarity.Analogy(Vectors, IdOf(a), IdOf(b), IdOf(c), k));

    private IReadOnlyList<(string Word, float Score)> Named(Neighbor[] neighbours) =>
        neighbours.Select(n => (Vocabulary[n.Id], n.Score)).ToArray();

    private int IdOf(string word)
    {
        if (!ids.TryGetValue(word, out var id))
        {
            ThrowHelper.UnknownWord(word, Vocabulary);
        }

        return id;
    }
}
