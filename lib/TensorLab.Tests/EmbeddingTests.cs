namespace TensorLab.Tests;

public class EmbeddingTests
{
    [Fact]
    public void Lookup_CopiesTheRowOfEachId()
    {
        var table = new Embedding(10, 4, seed: 3);
        int[] ids = [7, 0, 7, 9];
        var destination = new float[ids.Length * 4];
        table.Lookup(ids, destination);
        for (var n = 0; n < ids.Length; n++)
        {
            Assert.Equal(table.Weight.Row(ids[n]).ToArray(), destination.AsSpan(n * 4, 4).ToArray());
        }
    }

    [Theory]
    [InlineData(1, 5, 3, 11)]
    [InlineData(2, 17, 8, 0)]
    [InlineData(3, 50, 33, 64)]
    public void Lookup_EqualsOneHotTimesWeight_ForRandomTables(int seed, int vocab, int dim, int count)
    {
        var table = new Embedding(vocab, dim, init: EmbeddingInit.Normal, seed: seed);
        var ids = LookupProfiler.RandomIds(count, vocab, seed);
        var looked = table.Forward(ids).ToArray();
        for (var n = 0; n < count; n++)
        {
            for (var d = 0; d < dim; d++)
            {
                double product = 0;
                for (var v = 0; v < vocab; v++)
                {
                    product += (v == ids[n] ? 1.0 : 0.0) * table.Weight[v, d];
                }

                Assert.Equal(product, looked[n * dim + d], Tolerances.RoundedOnce);
            }
        }
    }

    [Theory]
    [InlineData(1000)]   // a small table: the plain row copies
    [InlineData(20_000)] // 5 MB: the prefetching path on huge pages
    public void Lookup_AllocatesNothing(int vocab)
    {
        var table = new Embedding(vocab, 64, seed: 1);
        var ids = LookupProfiler.RandomIds(512, vocab, seed: 2);
        var destination = new float[512 * 64];
        table.Lookup(ids, destination);
        var before = GC.GetAllocatedBytesForCurrentThread();
        table.Lookup(ids, destination);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Forward_AllocatesOnlyItsResult()
    {
        var table = new Embedding(1000, 64, seed: 1);
        var ids = LookupProfiler.RandomIds(512, 1000, seed: 2);
        table.Forward(ids);
        var before = GC.GetAllocatedBytesForCurrentThread();
        table.Forward(ids);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var resultBytes = 512 * 64 * sizeof(float);
        Assert.InRange(allocated, resultBytes, resultBytes + 512);
    }

    [Fact]
    public void Lookup_ThrowsForIdOutOfRange_NamingIdPositionAndRange()
    {
        var table = new Embedding(100, 4);
        var destination = new float[3 * 4];
        destination[0] = 42;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => table.Lookup([5, 1, 100], destination));
        Assert.Contains("Token id 100 at position 2", error.Message);
        Assert.Contains("[0, 100)", error.Message);
        Assert.Equal(42, destination[0]);
    }

    [Fact]
    public void Lookup_ThrowsForNegativeId() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(10, 2).Lookup([-1], new float[2]));

    [Fact]
    public void Lookup_ThrowsForWrongDestinationLength()
    {
        var error = Assert.Throws<ArgumentException>(() => new Embedding(10, 4).Lookup([1, 2], new float[7]));
        Assert.Contains("8 are needed", error.Message);
    }

    [Fact]
    public void Forward_OfBatch_HasShapeBatchSeqDimAndTheRows()
    {
        var table = new Embedding(20, 3, seed: 5);
        var batch = new[,] { { 1, 2, 3 }, { 4, 5, 19 } };
        var output = table.Forward(batch);
        Assert.Equal("[2, 3, 3]", output.ShapeText);
        Assert.Equal(table.Weight.Row(19).ToArray(), new[] { output[1, 2, 0], output[1, 2, 1], output[1, 2, 2] });
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Forward(new[,] { { 1, 20 } }));
    }

    [Theory]
    [InlineData(EmbeddingInit.Uniform)]
    [InlineData(EmbeddingInit.Normal)]
    [InlineData(EmbeddingInit.Xavier)]
    public void Constructor_IsReproducibleForASeed(EmbeddingInit init)
    {
        Assert.Equal(
            new Embedding(30, 8, init: init, seed: 9).Weight.ToArray(),
            new Embedding(30, 8, init: init, seed: 9).Weight.ToArray());
        Assert.NotEqual(
            new Embedding(30, 8, init: init, seed: 9).Weight.ToArray(),
            new Embedding(30, 8, init: init, seed: 10).Weight.ToArray());
    }

    [Fact]
    public void Uniform_StaysWithinOneOverSqrtDim()
    {
        var weights = new Embedding(500, 64, init: EmbeddingInit.Uniform).Weight.ToArray();
        Assert.All(weights, w => Assert.InRange(w, -0.125f, 0.125f));
        Assert.True(weights.Max() > 0.12f && weights.Min() < -0.12f, "the whole range is used");
    }

    [Fact]
    public void Normal_HasSigmaOneOverSqrtDim()
    {
        var weights = new Embedding(1000, 64, init: EmbeddingInit.Normal, seed: 4).Weight.ToArray();
        var mean = weights.Average(w => (double)w);
        var sigma = Math.Sqrt(weights.Average(w => (w - mean) * (w - mean)));
        // 64,000 samples: the standard error of σ is about σ/√(2n) ≈ 0.3% of 0.125.
        Assert.Equal(0.125, sigma, 0.002);
        Assert.Equal(0, mean, 0.002);
    }

    [Fact]
    public void Xavier_StaysWithinGlorotBound()
    {
        var bound = (float)Math.Sqrt(6.0 / (200 + 50));
        var weights = new Embedding(200, 50, init: EmbeddingInit.Xavier).Weight.ToArray();
        Assert.All(weights, w => Assert.InRange(w, -bound, bound));
        Assert.True(weights.Max() > 0.95f * bound);
    }

    [Fact]
    public void PaddingRow_IsZeroAtInit()
    {
        var table = new Embedding(10, 4, paddingIdx: 3, seed: 1);
        Assert.All(table.Weight.Row(3).ToArray(), w => Assert.Equal(0f, w));
        Assert.Contains(table.Weight.Row(2).ToArray(), w => w != 0);
    }

    [Fact]
    public void Constructor_ThrowsForPaddingOutsideVocabulary() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(10, 4, paddingIdx: 10));

    [Theory]
    [InlineData(0, 4)]
    [InlineData(4, 0)]
    [InlineData(-1, 4)]
    public void Constructor_ThrowsForNonPositiveSizes(int vocab, int dim) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(vocab, dim));

    [Fact]
    public void Backward_ScatterAddsRows_AccumulatingRepeatsAndSkippingPadding()
    {
        var table = new Embedding(5, 2, paddingIdx: 0);
        int[] ids = [3, 0, 3, 1];
        float[] gradOutput = [1, 2, 10, 10, 3, 4, 5, 6];
        table.Backward(ids, gradOutput);
        Assert.Equal(new float[] { 0, 0, 5, 6, 0, 0, 4, 6, 0, 0 }, table.Grad.ToArray());
        table.Backward(ids, gradOutput);
        Assert.Equal(8f, table.Grad[3, 0]);
    }

    [Fact]
    public void Backward_ThrowsForWrongGradientLength() =>
        Assert.Throws<ArgumentException>(() => new Embedding(5, 2).Backward([1, 2], new float[3]));

    [Fact]
    public void Backward_MatchesFiniteDifferencesOfAScalarLoss()
    {
        // L = Σ_k c_k · out_k for fixed random c: ∂L/∂W[v, d] = Σ_{n: ids[n] = v} c[n, d].
        var table = new Embedding(6, 3, seed: 11);
        int[] ids = [2, 5, 2, 0];
        var random = new Random(12);
        var coefficients = Enumerable.Range(0, ids.Length * 3).Select(_ => random.NextSingle() * 2 - 1).ToArray();
        double Loss() => table.Forward(ids).ToArray().Zip(coefficients, (o, c) => (double)o * c).Sum();

        table.Backward(ids, coefficients);
        const float h = 1e-3f;
        for (var v = 0; v < 6; v++)
        {
            for (var d = 0; d < 3; d++)
            {
                var original = table.Weight[v, d];
                table.Weight[v, d] = original + h;
                var up = Loss();
                table.Weight[v, d] = original - h;
                var down = Loss();
                table.Weight[v, d] = original;
                Assert.Equal((up - down) / (2 * h), table.Grad[v, d], Tolerances.FiniteDifference);
            }
        }
    }

    [Fact]
    public void Step_AppliesSgdAndKeepsPaddingAtZero()
    {
        var table = new Embedding(4, 2, paddingIdx: 1, seed: 2);
        var before = table.Weight.ToArray();
        table.Grad.Span.Fill(0.5f);
        table.Step(0.1f);
        for (var i = 0; i < before.Length; i++)
        {
            var expected = i / 2 == 1 ? 0f : before[i] - 0.05f;
            Assert.Equal(expected, table.Weight[i], 1e-6f);
        }

        table.ZeroGrad();
        Assert.All(table.Grad.ToArray(), g => Assert.Equal(0f, g));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Step(float.NaN));
    }

    [Fact]
    public void Sizes_AreVTimesDAndFourBytesEach()
    {
        var table = new Embedding(50, 12);
        Assert.Equal(600, table.ParameterCount);
        Assert.Equal(2400, table.WeightBytes);
    }

    [Fact]
    public void Lookup_LengthSweep_MatchesRowByRowCopy()
    {
        var table = new Embedding(13, 5, seed: 21);
        for (var count = 0; count <= 40; count++)
        {
            var ids = LookupProfiler.RandomIds(count, 13, seed: count);
            var destination = new float[count * 5];
            table.Lookup(ids, destination);
            var expected = ids.SelectMany(id => Enumerable.Range(0, 5).Select(d => table.Weight[id, d])).ToArray();
            Assert.Equal(expected, destination);
        }
    }

    [Fact]
    public void Lookup_ValidatesEveryIdBeforeWritingAnything()
    {
        var table = new Embedding(10, 2, seed: 1);
        var destination = Enumerable.Repeat(-7f, 3 * 2).ToArray();
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Lookup([1, 2, 10], destination));
        Assert.All(destination, value => Assert.Equal(-7f, value));
    }

    [Fact]
    public void FromWeights_WrapsTheTensorAndZeroesThePaddingRow()
    {
        var weight = Tensor.FromArray([1, 2, 3, 4, 5, 6], 3, 2);
        var table = Embedding.FromWeights(weight, paddingIdx: 2);
        Assert.Same(weight, table.Weight);
        Assert.Equal((3, 2), (table.VocabSize, table.EmbeddingDim));
        Assert.Equal(new float[] { 1, 2, 3, 4, 0, 0 }, weight.ToArray());
        Assert.Equal(new float[] { 3, 4, 1, 2 }, table.Forward([1, 0]).ToArray());
        Assert.All(table.Grad.ToArray(), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void FromWeights_ThrowsForANonMatrix() =>
        Assert.Throws<ArgumentException>(() => Embedding.FromWeights(Tensor.Zeros(6)));

    [Fact]
    public void FromWeights_ThrowsForAnEmptyAxis() =>
        Assert.Throws<ArgumentException>(() => Embedding.FromWeights(Tensor.Zeros(0, 4)));

    [Fact]
    public void FromWeights_ThrowsForPaddingOutsideTheTable() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Embedding.FromWeights(Tensor.Zeros(3, 2), paddingIdx: 3));
}
