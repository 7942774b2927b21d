using System.Diagnostics;
using System.Numerics.Tensors;

namespace TensorLab;

/// <summary>
/// Word2vec's skip-gram with negative sampling: each word learns to tell its real neighbours from random noise
/// words, and words that share neighbours end up with similar vectors.
/// </summary>
/// <remarks>
/// For a centre c, a context o and noise words n drawn from unigram^0.75:
/// loss = −log σ(v_c·u_o) − Σ log σ(−v_c·u_n). Plain SGD with a linearly decaying step.
/// PyTorch equivalent: none built in (gensim's <c>Word2Vec(sg=1, negative=k)</c> in Python).
/// </remarks>
public static class SkipGram
{
    private const int NoiseTableSize = 1 << 16;

    /// <summary>Trains word vectors on <paramref name="corpus"/>.</summary>
    /// <param name="corpus">The sentences to learn from.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="progress">Called after every epoch with the mean loss; optional.</param>
    /// <returns>The centre-word vectors, [V, D].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is not positive (window, dimension, epochs,
    /// negatives ≥ 0).</exception>
    public static WordVectors Train(
        ToyCorpus corpus,
        SkipGramOptions? options = null,
        Action<EpochReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new SkipGramOptions();
        Validate(options);
        var clock = Stopwatch.StartNew();
        var vocab = corpus.Vocabulary.Count;
        var dim = options.Dimension;
        var random = new Random(options.Seed);
        var centre = Tensor.Zeros(vocab, dim);
        var context = new float[vocab * dim];
        WeightInitializer.FillUniform(centre.Span, 0.5 / dim, random);
        var noise = NoiseTable(corpus);
        var update = new float[dim];
        var totalPairs = corpus.Sentences.Sum(s => (long)s.Length) * options.Epochs;
        long seen = 0;

        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            double loss = 0;
            long pairs = 0;
            foreach (var sentence in corpus.Sentences)
            {
                for (var position = 0; position < sentence.Length; position++)
                {
                    var rate = options.LearningRate * Math.Max(0.01f, 1f - (float)seen++ / totalPairs);
                    var v = centre.Row(sentence[position]);
                    var from = Math.Max(0, position - options.Window);
                    var to = Math.Min(sentence.Length - 1, position + options.Window);
                    for (var other = from; other <= to; other++)
                    {
                        if (other == position)
                        {
                            continue;
                        }

                        update.AsSpan().Clear();
                        loss += Pair(v, context.AsSpan(sentence[other] * dim, dim), 1, rate, update);
                        for (var n = 0; n < options.NegativeSamples; n++)
                        {
                            var negative = noise[random.Next(NoiseTableSize)];
                            if (negative != sentence[other])
                            {
                                loss += Pair(v, context.AsSpan(negative * dim, dim), 0, rate, update);
                            }
                        }

                        TensorPrimitives.Add(v, update, v);
                        pairs++;
                    }
                }
            }

            progress?.Invoke(new EpochReport(epoch, options.Epochs, pairs == 0 ? 0 : loss / pairs, clock.Elapsed));
        }

        return new WordVectors(centre, corpus.Vocabulary);
    }

    // One logistic step on (v, u): u moves now, v's move is accumulated so all of a centre's pairs see the same v.
    private static double Pair(Span<float> v, Span<float> u, int label, float rate, Span<float> update)
    {
        var score = TensorPrimitives.Dot<float>(v, u);
        var probability = 1 / (1 + Math.Exp(-score));
        var gradient = (float)((label - probability) * rate);
        TensorPrimitives.MultiplyAdd(u, gradient, update, update);
        TensorPrimitives.MultiplyAdd(v, gradient, u, u);
        return -Math.Log(Math.Max(label == 1 ? probability : 1 - probability, 1e-12));
    }

    private static int[] NoiseTable(ToyCorpus corpus)
    {
        var counts = new double[corpus.Vocabulary.Count];
        foreach (var id in corpus.Sentences.SelectMany(s => s))
        {
            counts[id]++;
        }

        var weights = counts.Select(c => Math.Pow(c, 0.75)).ToArray();
        var total = weights.Sum();
        var table = new int[NoiseTableSize];
        var word = 0;
        var cumulative = weights[0] / total;
        for (var slot = 0; slot < table.Length; slot++)
        {
            while ((slot + 0.5) / table.Length > cumulative && word < weights.Length - 1)
            {
                cumulative += weights[++word] / total;
            }

            table[slot] = word;
        }

        return table;
    }

    private static void Validate(SkipGramOptions options)
    {
        if (options.Dimension <= 0)
        {
            ThrowHelper.NotPositive(nameof(options.Dimension), options.Dimension);
        }

        if (options.Window <= 0)
        {
            ThrowHelper.NotPositive(nameof(options.Window), options.Window);
        }

        if (options.Epochs <= 0)
        {
            ThrowHelper.NotPositive(nameof(options.Epochs), options.Epochs);
        }

        if (options.NegativeSamples < 0)
        {
            ThrowHelper.Negative(nameof(options.NegativeSamples), options.NegativeSamples);
        }

        if (!(options.LearningRate > 0) || float.IsInfinity(options.LearningRate))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.LearningRate,
                "LearningRate must be a positive finite number.");
        }
    }
}
