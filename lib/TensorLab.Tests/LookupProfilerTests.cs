namespace TensorLab.Tests;

public class LookupProfilerTests
{
    [Fact]
    public void Measure_ReportsBytesAndTokensOfOneRun()
    {
        var table = new Embedding(100, 16);
        var ids = LookupProfiler.RandomIds(64, 100, seed: 1);
        var measurement = LookupProfiler.Measure(table, ids, warmup: 1, repeats: 3);
        Assert.Equal(64, measurement.Tokens);
        Assert.Equal(64 * 16 * 4, measurement.BytesPerRun);
        Assert.True(measurement.MedianSeconds > 0);
        Assert.Equal(measurement.BytesPerRun / measurement.MedianSeconds / 1e9, measurement.GigabytesPerSecond, 1e-9);
        Assert.Equal(64 / measurement.MedianSeconds, measurement.TokensPerSecond, 1e-6);
    }

    [Fact]
    public void MeasureCopy_CopiesTheGivenBytes()
    {
        var measurement = LookupProfiler.MeasureCopy(4096, warmup: 0, repeats: 1);
        Assert.Equal(4096, measurement.BytesPerRun);
        Assert.Throws<ArgumentOutOfRangeException>(() => LookupProfiler.MeasureCopy(2));
    }

    [Fact]
    public void RandomIds_AreSeededAndInRange()
    {
        var ids = LookupProfiler.RandomIds(1000, 7, seed: 3);
        Assert.All(ids, id => Assert.InRange(id, 0, 6));
        Assert.Equal(ids, LookupProfiler.RandomIds(1000, 7, seed: 3));
        Assert.Equal(7, ids.Distinct().Count());
    }

    [Fact]
    public void InvalidRuns_Throw()
    {
        var table = new Embedding(4, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => LookupProfiler.Measure(table, [1], warmup: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LookupProfiler.Measure(table, [1], repeats: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LookupProfiler.RandomIds(-1, 4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LookupProfiler.RandomIds(1, 0, 0));
    }
}
