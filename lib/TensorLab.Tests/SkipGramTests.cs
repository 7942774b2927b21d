using System.Diagnostics;
using Xunit.Abstractions;

namespace TensorLab.Tests;

public class SkipGramTests(ITestOutputHelper output)
{
    [Fact]
    public void Training_OnTheToyCorpus_FindsKingMinusManPlusWomanIsQueen_AndCapitals()
    {
        var corpus = ToyCorpus.Generate(seed: 0);
        var losses = new List<double>();
        var clock = Stopwatch.StartNew();
        var vectors = SkipGram.Train(corpus, progress: report => losses.Add(report.MeanLoss));
        output.WriteLine($"trained in {clock.Elapsed.TotalSeconds:F2} s; " +
                         $"losses {string.Join(", ", losses.Select(l => l.ToString("F3")))}");

        Assert.Equal("queen", vectors.Analogy("king", "man", "woman")[0].Word);
        Assert.Equal("princess", vectors.Analogy("prince", "boy", "girl")[0].Word);
        Assert.Equal("rome", vectors.Analogy("paris", "france", "italy")[0].Word);
        Assert.Equal("madrid", vectors.Analogy("tokyo", "japan", "spain")[0].Word);
        Assert.Equal(5, losses.Count);
        Assert.True(losses[^1] < losses[0], "the loss goes down");
    }

    [Fact]
    public void Training_IsReproducibleForASeed()
    {
        var corpus = ToyCorpus.Generate(seed: 1, sentenceCount: 200);
        var options = new SkipGramOptions(Dimension: 8, Epochs: 1, Seed: 3);
        Assert.Equal(
            SkipGram.Train(corpus, options).Vectors.ToArray(),
            SkipGram.Train(corpus, options).Vectors.ToArray());
    }

    [Fact]
    public void Train_ThrowsForInvalidOptions()
    {
        var corpus = ToyCorpus.Generate(sentenceCount: 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => SkipGram.Train(corpus, new SkipGramOptions(Dimension: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SkipGram.Train(corpus, new SkipGramOptions(Window: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SkipGram.Train(corpus, new SkipGramOptions(Epochs: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => SkipGram.Train(corpus, new SkipGramOptions(NegativeSamples: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SkipGram.Train(corpus, new SkipGramOptions(LearningRate: 0)));
    }

    [Fact]
    public void ToyCorpus_IsSeededAndItsRelationsUseKnownWords()
    {
        var corpus = ToyCorpus.Generate(seed: 4, sentenceCount: 50);
        Assert.Equal(50, corpus.Sentences.Count);
        Assert.Equal(
            corpus.Sentences.SelectMany(s => s),
            ToyCorpus.Generate(seed: 4, sentenceCount: 50).Sentences.SelectMany(s => s));
        foreach (var (from, to) in corpus.Relations.SelectMany(r => r.Pairs))
        {
            Assert.Equal(from, corpus.WordOf(corpus.IdOf(from)));
            Assert.Equal(to, corpus.WordOf(corpus.IdOf(to)));
        }

        var error = Assert.Throws<ArgumentException>(() => corpus.IdOf("dragon"));
        Assert.Contains("'dragon' is not in the vocabulary", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => corpus.WordOf(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ToyCorpus.Generate(sentenceCount: 0));
    }

    [Fact]
    public void WordVectors_NearestAndSimilarity_AgreeWithCosine()
    {
        var table = Tensor.FromArray([1, 0, 0.8f, 0.6f, 0, 1], 3, 2);
        var vectors = new WordVectors(table, ["a", "b", "c"]);
        Assert.Equal("b", vectors.Nearest("a", 1)[0].Word);
        Assert.Equal(0.8f, vectors.Similarity("a", "b"), 1e-6f);
        Assert.Equal(new[] { 0.8f, 0.6f }, vectors.VectorOf("b"));
        Assert.Throws<ArgumentException>(() => vectors.VectorOf("z"));
        Assert.Throws<ArgumentException>(() => new WordVectors(table, ["a"]));
    }
}
