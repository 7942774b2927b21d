namespace TensorLab.Tests;

public class TensorTests
{
    [Fact]
    public void Zeros_GivenShape_HoldsProductOfSizesZeroElements()
    {
        var tensor = Tensor.Zeros(2, 3, 4);
        Assert.Equal(24, tensor.Length);
        Assert.Equal(3, tensor.Rank);
        Assert.Equal("[2, 3, 4]", tensor.ShapeText);
        Assert.All(tensor.ToArray(), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void FromArray_WrapsWithoutCopy_SoWritesShowThrough()
    {
        var data = new float[] { 1, 2, 3, 4, 5, 6 };
        var tensor = Tensor.FromArray(data, 2, 3);
        data[4] = 50;
        Assert.Equal(50f, tensor[1, 1]);
        tensor[0, 2] = 30;
        Assert.Equal(30f, data[2]);
    }

    [Fact]
    public void FromArray_ThrowsWhenShapeDoesNotMatchData()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new float[5], 2, 3));
        Assert.Contains("6 elements", error.Message);
        Assert.Contains("has 5", error.Message);
    }

    [Fact]
    public void Zeros_ThrowsForNegativeSize() => Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, -1));

    [Fact]
    public void Indexers_AreRowMajor()
    {
        var tensor = Tensor.FromArray(Enumerable.Range(0, 24).Select(i => (float)i).ToArray(), 2, 3, 4);
        Assert.Equal(1 * 12 + 2 * 4 + 3, tensor[1, 2, 3]);
        Assert.Equal(17f, tensor[17]);
        Assert.Equal(7f, tensor.Reshape(6, 4)[1, 3]);
    }

    [Fact]
    public void Indexer_ThrowsNamingIndexAndShape()
    {
        var tensor = Tensor.Zeros(2, 3);
        var error = Assert.Throws<IndexOutOfRangeException>(() => tensor[2, 0]);
        Assert.Contains("Index 2 on axis 0", error.Message);
        Assert.Contains("[2, 3]", error.Message);
    }

    [Fact]
    public void Indexer_ThrowsForWrongNumberOfIndices() =>
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3, 4)[0, 0]);

    [Fact]
    public void Row_IsAViewOfTheIthSliceAlongAxisZero()
    {
        var tensor = Tensor.FromArray(Enumerable.Range(0, 12).Select(i => (float)i).ToArray(), 3, 4);
        Assert.Equal(new float[] { 4, 5, 6, 7 }, tensor.Row(1).ToArray());
        tensor.Row(2)[0] = -1;
        Assert.Equal(-1f, tensor[2, 0]);
        Assert.Throws<IndexOutOfRangeException>(() => tensor.Row(3));
    }

    [Fact]
    public void Reshape_SharesStorageAndInfersOneSize()
    {
        var tensor = Tensor.Zeros(2, 6);
        var view = tensor.Reshape(3, -1);
        Assert.Equal("[3, 4]", view.ShapeText);
        view[2, 3] = 9;
        Assert.Equal(9f, tensor[1, 5]);
    }

    [Fact]
    public void Reshape_ThrowsWhenSizesDoNotMultiplyToLength()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 6).Reshape(5, 2));
        Assert.Contains("Cannot view [2, 6]", error.Message);
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 6).Reshape(-1, -1));
    }

    [Fact]
    public void ToString_TruncatesLongAxesLikeNumPy()
    {
        var tensor = Tensor.FromArray(Enumerable.Range(0, 10).Select(i => i / 10f).ToArray(), 10);
        Assert.Equal("tensor([0.0000, 0.1000, 0.2000, ..., 0.7000, 0.8000, 0.9000], shape=[10])", tensor.ToString());
        Assert.Equal(
            "tensor([[1.0000, 2.0000], [3.0000, 4.0000]], shape=[2, 2])",
            Tensor.FromArray([1, 2, 3, 4], 2, 2).ToString());
    }

    [Fact]
    public void ApproximatelyEquals_ComparesShapeAndEveryElement()
    {
        var a = Tensor.FromArray([1f, 2f, 3f], 3);
        Assert.True(a.ApproximatelyEquals(Tensor.FromArray([1f, 2f + 5e-6f, 3f], 3)));
        Assert.False(a.ApproximatelyEquals(Tensor.FromArray([1f, 2.1f, 3f], 3)));
        Assert.False(a.ApproximatelyEquals(Tensor.FromArray([1f, 2f, 3f], 3, 1)));
        Assert.False(a.ApproximatelyEquals(Tensor.FromArray([1f, float.NaN, 3f], 3)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    public void Sum_MatchesNaiveSum(int length)
    {
        var random = new Random(length);
        var data = Enumerable.Range(0, length).Select(_ => random.NextSingle()).ToArray();
        Assert.Equal(data.Sum(x => (double)x), Tensor.FromArray(data, length).Sum(), Tolerances.FloatAccumulation);
    }
}
