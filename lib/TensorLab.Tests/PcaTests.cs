namespace TensorLab.Tests;

public class PcaTests
{
    [Fact]
    public void Project_FindsTheDominantDirectionFirst()
    {
        // Points spread along (1, 1, 0)/√2 with small noise on the other axes: PC1 carries the spread.
        var random = new Random(5);
        var points = new float[200 * 3];
        var spread = new double[200];
        for (var i = 0; i < 200; i++)
        {
            spread[i] = random.NextDouble() * 10 - 5;
            points[i * 3] = (float)(spread[i] / Math.Sqrt(2) + 0.01 * random.NextDouble());
            points[i * 3 + 1] = (float)(spread[i] / Math.Sqrt(2) + 0.01 * random.NextDouble());
            points[i * 3 + 2] = (float)(0.05 * random.NextDouble());
        }

        var projected = Pca.Project(Tensor.FromArray(points, 200, 3));
        Assert.Equal("[200, 2]", projected.ShapeText);
        var mean = spread.Average();
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(spread[i] - mean, projected[i, 0], 0.05);
            Assert.InRange(Math.Abs(projected[i, 1]), 0, 0.1);
        }
    }

    [Fact]
    public void Project_IsDeterministic()
    {
        var data = Tensor.FromArray(Enumerable.Range(0, 40).Select(i => (float)Math.Sin(i * 1.3)).ToArray(), 10, 4);
        Assert.Equal(Pca.Project(data).ToArray(), Pca.Project(data).ToArray());
    }

    [Fact]
    public void Project_ThrowsForBadInput()
    {
        Assert.Throws<ArgumentException>(() => Pca.Project(Tensor.Zeros(5)));
        Assert.Throws<ArgumentException>(() => Pca.Project(Tensor.Zeros(0, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Project(Tensor.Zeros(4, 3), components: 4));
    }
}
