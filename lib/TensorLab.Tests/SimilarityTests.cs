namespace TensorLab.Tests;

public class SimilarityTests
{
    private static double NaiveCosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(257)]
    public void Cosine_MatchesNaiveDoubleReference(int length)
    {
        var random = new Random(length);
        var a = Enumerable.Range(0, length).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var b = Enumerable.Range(0, length).Select(_ => random.NextSingle() - 0.5f).ToArray();
        Assert.Equal(NaiveCosine(a, b), Similarity.Cosine(a, b), Tolerances.FloatAccumulation);
    }

    [Fact]
    public void Cosine_OfZeroVector_IsZero() => Assert.Equal(0f, Similarity.Cosine([0, 0], [1, 2]));

    [Fact]
    public void Cosine_ThrowsForLengthMismatchAndEmptyVectors()
    {
        Assert.Throws<ArgumentException>(() => Similarity.Cosine([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => Similarity.Cosine([], []));
    }

    [Fact]
    public void Nearest_SortsByCosineAndExcludesIds()
    {
        var table = Tensor.FromArray([1, 0, 0.9f, 0.1f, 0, 1, -1, 0], 4, 2);
        var neighbours = Similarity.Nearest(table, [1, 0], k: 3, exclude: [0]);
        Assert.Equal(new[] { 1, 2, 3 }, neighbours.Select(n => n.Id));
        Assert.Equal(NaiveCosine([0.9f, 0.1f], [1, 0]), neighbours[0].Score, 1e-6);
        Assert.Empty(Similarity.Nearest(table, [1, 0], k: 0));
    }

    [Fact]
    public void Nearest_ThrowsForQueryOfWrongLengthAndNegativeK()
    {
        var table = Tensor.Zeros(3, 2);
        Assert.Throws<ArgumentException>(() => Similarity.Nearest(table, [1, 2, 3], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Similarity.Nearest(table, [1, 2], -1));
        Assert.Throws<ArgumentException>(() => Similarity.Nearest(Tensor.Zeros(6), [1, 2], 1));
    }

    [Fact]
    public void Analogy_FindsTheFourthCornerOfAParallelogramAndNeverTheQueryWords()
    {
        // king = royal + male, man = male, woman = female, queen = royal + female.
        float[] royal = [1, 0, 0], male = [0, 1, 0], female = [0, 0, 1];
        var rows = new[] { Add(royal, male), male, female, Add(royal, female), Add(male, female) };
        var table = Tensor.FromArray(rows.SelectMany(r => r).ToArray(), rows.Length, 3);
        var answer = Similarity.Analogy(table, 0, 1, 2, k: 2);
        Assert.Equal(3, answer[0].Id);
        Assert.DoesNotContain(answer, n => n.Id is 0 or 1 or 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => Similarity.Analogy(table, 0, 1, 9));
    }

    [Theory]
    [InlineData(1, 30, 8)]
    [InlineData(2, 50, 16)]
    [InlineData(3, 7, 3)]
    public void Analogy_EqualsNaiveNearestToTheSumOfUnitRows(int seed, int vocab, int dim)
    {
        var random = new Random(seed);
        // Rows of very different lengths, so normalising changes the query.
        var table = Tensor.FromArray(
            Enumerable.Range(0, vocab * dim).Select(i => (random.NextSingle() * 2 - 1) * (1 + i / dim % 5)).ToArray(),
            vocab,
            dim);
        var (a, b, c) = (0, 1, 2);
        var unit = new[] { a, b, c }
            .Select(id => table.Row(id).ToArray())
            .Select(r => r.Select(x => x / Math.Sqrt(r.Sum(v => (double)v * v))).ToArray())
            .ToArray();
        var query = Enumerable.Range(0, dim).Select(d => (float)(unit[0][d] - unit[1][d] + unit[2][d])).ToArray();
        var expected = Enumerable.Range(0, vocab)
            .Where(id => id is not (0 or 1 or 2))
            .Select(id => (Id: id, Score: NaiveCosine(table.Row(id).ToArray(), query)))
            .OrderByDescending(n => n.Score).ThenBy(n => n.Id)
            .Take(3).ToArray();
        var actual = Similarity.Analogy(table, a, b, c, k: 3);
        Assert.Equal(expected.Select(n => n.Id), actual.Select(n => n.Id));
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i].Score, actual[i].Score, Tolerances.FloatAccumulation);
        }
    }

    [Fact]
    public void Analogy_GivenALongRowA_NormalisesItInsteadOfLettingItDominate()
    {
        // a = [10, 0] is ten times longer than b and c. Plain a − b + c = [11, 0] points at row 3;
        // unit rows give [1.71, −0.29], whose nearest row is 4.
        var table = Tensor.FromArray([10, 0, 0, 1, 1, 1, 1, 0, 1, -0.2f], 5, 2);
        Assert.Equal(4, Similarity.Analogy(table, 0, 1, 2)[0].Id);
    }

    [Fact]
    public void Analogy_GivenAnAllZeroRow_LeavesItOutOfTheQuery()
    {
        // b is all zeros: the query is unit(a) + unit(c) = [1, 1], nearest to row 3.
        var table = Tensor.FromArray([1, 0, 0, 0, 0, 1, 1, 1, 1, -1], 5, 2);
        var answer = Similarity.Analogy(table, 0, 1, 2);
        Assert.Equal(3, answer[0].Id);
        Assert.Equal(1f, answer[0].Score, Tolerances.FloatAccumulation);
    }

    [Fact]
    public void Nearest_BreaksTiesByIdAndReturnsAtMostTheTable()
    {
        var table = Tensor.FromArray([0, 1, 2, 0, 1, 0, 3, 0], 4, 2);
        var neighbours = Similarity.Nearest(table, [1, 0], k: 10);
        Assert.Equal(new[] { 1, 2, 3, 0 }, neighbours.Select(n => n.Id));
    }

    private static float[] Add(float[] a, float[] b) => a.Zip(b, (x, y) => x + y).ToArray();
}
