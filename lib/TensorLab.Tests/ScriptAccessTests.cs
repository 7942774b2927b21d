using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace TensorLab.Tests;

/// <summary>Notebooks load lib/bin/TensorLab.dll with #r from a C# script:
/// every public API must work that way.</summary>
[Collection(ConsoleCollection.Name)]
public class ScriptAccessTests
{
    private const string EveryApi = """
        using TensorLab;
        var t = Tensor.FromArray(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var row = t.Row(1).ToArray(); var view = t.Reshape(3, 2); var z = Tensor.Zeros(2, 2);
        var e = new Embedding(10, 4, paddingIdx: 0, init: EmbeddingInit.Xavier, seed: 1);
        var dest = new float[8]; e.Lookup(new[] { 1, 2 }, dest); var f = e.Forward(new[] { 3, 4 });
        var fb = e.Forward(new[,] { { 1 }, { 2 } });
        e.Backward(new[] { 1, 2 }, dest); e.Step(0.1f); e.ZeroGrad();
        var pe = new SinusoidalPositionalEncoding(5, 16); pe.AddTo(Tensor.Zeros(2, 3, 5));
        var enc = new float[5]; pe.Encode(3, enc);
        var lp = new LearnedPositionalEmbedding(8, 5, seed: 2); lp.AddTo(Tensor.Zeros(3, 5));
        lp.Backward(new float[15], 3); lp.Step(0.1f);
        var tok = new CharTokenizer("hello"); var ids = tok.Encode("hell?"); var text = tok.Decode(ids);
        var bytes = MemoryMath.Bytes(50_257, 12_288, DType.Float16); var human = MemoryMath.HumanBytes(bytes);
        var m = LookupProfiler.Measure(e, LookupProfiler.RandomIds(16, 10, 1), 1, 3);
        var roof = LookupProfiler.MeasureCopy(4096, 1, 3);
        var cos = Similarity.Cosine(row, row); var near = Similarity.Nearest(e.Weight, e.Weight.Row(3), 2, new[] { 3 });
        var corpus = ToyCorpus.Generate(seed: 0, sentenceCount: 300);
        var vectors = SkipGram.Train(corpus, new SkipGramOptions(Epochs: 1), r => { });
        var analogy = vectors.Analogy("king", "man", "woman", 1); var projected = Pca.Project(vectors.Vectors, 2);
        Check.Close("row", row, new float[] { 4, 5, 6 }); Check.Equal("text", text, "hell?");
        Check.Shape("fb", fb, 2, 1, 4);
        Check.Throws<ArgumentOutOfRangeException>("bad id", () => e.Lookup(new[] { 10 }, new float[4]));
        Check.True(cos > 0.99f, "cos");
        $"{human}|{projected.ShapeText}|{analogy.Count}|{near.Length}|{corpus.Relations.Count}"
        """;

    [Fact]
    public async Task EveryPublicApi_IsCallableFromAScriptThatReferencesTheBuiltDll()
    {
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../bin/TensorLab.dll"));
        Assert.True(File.Exists(dll), $"{dll} should exist after building lib/TensorLab");
        var options = ScriptOptions.Default.WithImports("System", "System.Linq", "System.Collections.Generic");
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            var result = await CSharpScript.EvaluateAsync<string>($"#r \"{dll}\"\n{EveryApi}", options);
            // 60 words: 20 content words, 36 context words (8 attributes × 3, 6 countries × 2), 4 fillers.
            Assert.Equal("1.24 GB|[60, 2]|1|2|2", result);
        }
        finally
        {
            Console.SetOut(console);
        }
    }
}
