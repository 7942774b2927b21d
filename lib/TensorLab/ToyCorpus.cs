namespace TensorLab;

/// <summary>
/// A generated corpus whose relations hold by construction: each content word is defined by a few attributes
/// (gender, rank, age; or kind and country), and every sentence places the word among context words drawn from
/// those attributes. A word's contexts are then a sum of its attributes, so a trained skip-gram turns relations
/// into consistent vector offsets (king − man + woman lands near queen).
/// </summary>
public sealed class ToyCorpus
{
    private static readonly string[] Fillers = ["the", "a", "of", "and"];

    private static readonly Dictionary<string, string[]> AttributeContexts = new()
    {
        ["male"] = ["he", "him", "his"],
        ["female"] = ["she", "her", "hers"],
        ["royal"] = ["crown", "throne", "palace"],
        ["common"] = ["street", "market", "village"],
        ["adult"] = ["grown", "elder", "work"],
        ["young"] = ["child", "little", "toy"],
        ["country"] = ["nation", "border", "land"],
        ["capital"] = ["city", "downtown", "mayor"],
        ["fr"] = ["french", "wine"],
        ["it"] = ["italian", "pasta"],
        ["es"] = ["spanish", "flamenco"],
        ["jp"] = ["japanese", "sushi"],
        ["de"] = ["german", "beer"],
        ["eg"] = ["egyptian", "nile"],
    };

    private static readonly (string Word, string[] Attributes)[] ContentWords =
    [
        ("king", ["male", "royal", "adult"]), ("queen", ["female", "royal", "adult"]),
        ("prince", ["male", "royal", "young"]), ("princess", ["female", "royal", "young"]),
        ("man", ["male", "common", "adult"]), ("woman", ["female", "common", "adult"]),
        ("boy", ["male", "common", "young"]), ("girl", ["female", "common", "young"]),
        ("france", ["country", "fr"]), ("paris", ["capital", "fr"]),
        ("italy", ["country", "it"]), ("rome", ["capital", "it"]),
        ("spain", ["country", "es"]), ("madrid", ["capital", "es"]),
        ("japan", ["country", "jp"]), ("tokyo", ["capital", "jp"]),
        ("germany", ["country", "de"]), ("berlin", ["capital", "de"]),
        ("egypt", ["country", "eg"]), ("cairo", ["capital", "eg"]),
    ];

    private readonly Dictionary<string, int> ids;

    private ToyCorpus(IReadOnlyList<string> vocabulary, IReadOnlyList<int[]> sentences)
    {
        Vocabulary = vocabulary;
        Sentences = sentences;
        ids = vocabulary.Select((word, id) => (word, id)).ToDictionary(pair => pair.word, pair => pair.id);
    }

    /// <summary>Every word, in id order: content words first, then context words, then fillers.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>The sentences as token ids.</summary>
    public IReadOnlyList<int[]> Sentences { get; }

    /// <summary>The relations the corpus builds in, for evaluating analogies.</summary>
    public IReadOnlyList<RelationFamily> Relations { get; } =
    [
        new("gender", [("king", "queen"), ("prince", "princess"), ("man", "woman"), ("boy", "girl")]),
        new(
            "capital",
            [
                ("france", "paris"),
                ("italy", "rome"),
                ("spain", "madrid"),
                ("japan", "tokyo"),
                ("germany", "berlin"),
                ("egypt", "cairo"),
            ]),
    ];

    /// <summary>Generates the corpus.</summary>
    /// <param name="seed">Seed of the generator: equal seeds give equal corpora (default 0).</param>
    /// <param name="sentenceCount">How many sentences (default 4000), ≥ 1.</param>
    /// <returns>The corpus.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sentenceCount"/> is not positive.</exception>
    public static ToyCorpus Generate(int seed = 0, int sentenceCount = 4000)
    {
        if (sentenceCount <= 0)
        {
            ThrowHelper.NotPositive(nameof(sentenceCount), sentenceCount);
        }

        var vocabulary = ContentWords.Select(w => w.Word)
            .Concat(AttributeContexts.Values.SelectMany(words => words))
            .Concat(Fillers)
            .ToList();
        var index = vocabulary.Select((word, id) => (word, id)).ToDictionary(p => p.word, p => p.id);
        var random = new Random(seed);
        var sentences = new List<int[]>(sentenceCount);
        for (var s = 0; s < sentenceCount; s++)
        {
            var (word, attributes) = ContentWords[random.Next(ContentWords.Length)];
            // One context word per attribute, shuffled around the content word, plus an occasional filler as noise.
            var tokens = attributes.Select(
                a => AttributeContexts[a][random.Next(AttributeContexts[a].Length)]).ToList();
            if (random.NextDouble() < 0.3)
            {
                tokens.Add(Fillers[random.Next(Fillers.Length)]);
            }

            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens));
            tokens.Insert(tokens.Count / 2, word);
            sentences.Add(tokens.Select(t => index[t]).ToArray());
        }

        return new ToyCorpus(vocabulary, sentences);
    }

    /// <summary>The id of <paramref name="word"/>.</summary>
    /// <param name="word">A word of the vocabulary.</param>
    /// <returns>Its id.</returns>
    /// <exception cref="ArgumentException">The word is not in the vocabulary
    /// (the message lists some that are).</exception>
    public int IdOf(string word)
    {
        if (!ids.TryGetValue(word, out var id))
        {
            ThrowHelper.UnknownWord(word, Vocabulary);
        }

        return id;
    }

    /// <summary>The word of <paramref name="id"/>.</summary>
    /// <param name="id">An id in [0, Vocabulary.Count).</param>
    /// <returns>The word.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The id is outside the vocabulary.</exception>
    public string WordOf(int id)
    {
        if ((uint)id >= (uint)Vocabulary.Count)
        {
            ThrowHelper.IdOutOfRange(nameof(id), id, 0, Vocabulary.Count);
        }

        return Vocabulary[id];
    }
}
