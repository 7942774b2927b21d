namespace TensorLab.Tests;

public class MemoryMathTests
{
    [Fact]
    public void Gpt2Small_HasThe38MillionParameterTokenTable()
    {
        Assert.Equal(38_597_376, MemoryMath.Parameters(50_257, 768));
        Assert.Equal("38.6 M", MemoryMath.HumanCount(38_597_376));
    }

    [Fact]
    public void Gpt3ClassTable_Is617MillionParametersAnd2Point47GigabytesInFp32()
    {
        Assert.Equal(617_558_016, MemoryMath.Parameters(50_257, 12_288));
        Assert.Equal(2_470_232_064, MemoryMath.Bytes(50_257, 12_288));
        Assert.Equal("2.47 GB", MemoryMath.HumanBytes(2_470_232_064));
        Assert.Equal("617.6 M", MemoryMath.HumanCount(617_558_016));
    }

    [Theory]
    [InlineData(DType.Float32, 4)]
    [InlineData(DType.Float16, 2)]
    [InlineData(DType.BFloat16, 2)]
    [InlineData(DType.Int8, 1)]
    public void Bytes_ScaleWithElementSize(DType dtype, int size)
    {
        Assert.Equal(size, MemoryMath.BytesPerElement(dtype));
        Assert.Equal(1000L * 64 * size, MemoryMath.Bytes(1000, 64, dtype));
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(1000, "1.00 kB")]
    [InlineData(1_234_567, "1.23 MB")]
    [InlineData(98_765_432_100, "98.8 GB")]
    [InlineData(123_456_789_012_345, "123 TB")]
    [InlineData(999_600, "1.00 MB")]
    [InlineData(99_960, "100 kB")]
    [InlineData(9_996, "10.0 kB")]
    public void HumanBytes_UsesDecimalUnitsAndThreeSignificantDigits(long bytes, string expected) =>
        Assert.Equal(expected, MemoryMath.HumanBytes(bytes));

    [Theory]
    [InlineData(12, "12")]
    [InlineData(1_500, "1.5 k")]
    [InlineData(1_234_567_890, "1.2 B")]
    [InlineData(999, "999")]
    [InlineData(1_000, "1.0 k")]
    [InlineData(999_960, "1.0 M")]
    public void HumanCount_UsesOneDecimalAndASuffix(long count, string expected) =>
        Assert.Equal(expected, MemoryMath.HumanCount(count));

    [Fact]
    public void Negative_Sizes_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MemoryMath.Parameters(-1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => MemoryMath.Parameters(4, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MemoryMath.HumanBytes(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MemoryMath.HumanCount(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MemoryMath.BytesPerElement((DType)42));
    }

    [Fact]
    public void Overflow_Throws() => Assert.Throws<OverflowException>(() => MemoryMath.Bytes(long.MaxValue / 2, 3));
}
