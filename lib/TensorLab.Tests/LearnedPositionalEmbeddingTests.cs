namespace TensorLab.Tests;

public class LearnedPositionalEmbeddingTests
{
    [Fact]
    public void Weights_AreSeededNormalWithSigmaTwoHundredths()
    {
        var table = new LearnedPositionalEmbedding(512, 64, seed: 1);
        var weights = table.Weight.ToArray();
        var sigma = Math.Sqrt(weights.Average(w => (double)w * w));
        Assert.Equal(0.02, sigma, 0.0005);
        Assert.Equal(weights, new LearnedPositionalEmbedding(512, 64, seed: 1).Weight.ToArray());
        Assert.Equal(512 * 64, table.ParameterCount);
    }

    [Fact]
    public void AddTo_AddsTheLearnedRows()
    {
        var table = new LearnedPositionalEmbedding(8, 2, seed: 3);
        var x = Tensor.Zeros(2, 3, 2);
        table.AddTo(x);
        Assert.Equal(table.Weight[2, 1], x[1, 2, 1]);
        Assert.Equal(table.Weight[0, 0], x[0, 0, 0]);
    }

    [Fact]
    public void AddTo_ThrowsBeyondTheTrainedLength_ExplainingThereIsNoExtrapolation()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new LearnedPositionalEmbedding(4, 2).AddTo(Tensor.Zeros(5, 2)));
        Assert.Contains("cannot extrapolate", error.Message);
    }

    [Fact]
    public void Encode_ThrowsBeyondTheTable() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearnedPositionalEmbedding(4, 2).Encode(4, new float[2]));

    [Fact]
    public void Backward_SumsGradientsOverTheBatch_ThenStepMovesWeights()
    {
        var table = new LearnedPositionalEmbedding(4, 2, seed: 1);
        var before = table.Weight.ToArray();
        table.Backward([1, 2, 3, 4, 10, 20, 30, 40], sequenceLength: 2);
        Assert.Equal(new float[] { 11, 22, 33, 44, 0, 0, 0, 0 }, table.Grad.ToArray());
        table.Step(0.5f);
        Assert.Equal(before[0] - 5.5f, table.Weight[0], 1e-5f);
        Assert.Equal(before[7], table.Weight[7]);
        table.ZeroGrad();
        Assert.Equal(0f, table.Grad[0]);
    }

    [Fact]
    public void Backward_ThrowsForPartialBlocks() =>
        Assert.Throws<ArgumentException>(() => new LearnedPositionalEmbedding(4, 2).Backward(new float[3], 1));
}
