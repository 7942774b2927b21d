namespace TensorLab.Tests;

public class SinusoidalPositionalEncodingTests
{
    [Fact]
    public void Table_MatchesTheFloat64Formula_ForEveryDimensionUpTo1024()
    {
        int[] positions = [0, 1, 2, 17, 63];
        for (var dim = 1; dim <= 1024; dim++)
        {
            AssertMatchesFormula(new SinusoidalPositionalEncoding(dim, maxSeqLength: 64), positions);
        }
    }

    [Fact]
    public void Table_MatchesFormulaAtLargePositions()
    {
        AssertMatchesFormula(new SinusoidalPositionalEncoding(512), [1000, 4096, 4999]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(511)]
    [InlineData(1023)]
    [InlineData(1024)]
    public void Table_MatchesTheFloat64Formula_AtLargePositions_ForOddAndEvenD(int dim)
    {
        // Rows between recomputed anchors (every 32) and far ones: rounding must not grow along the table.
        AssertMatchesFormula(new SinusoidalPositionalEncoding(dim), [0, 1, 31, 32, 33, 1000, 4095, 4998, 4999]);
    }

    [Fact]
    public void FormulaCheck_FailsOnNaNAndOnAWrongValue()
    {
        // The check above guards the precision contract, so it must be able to fail:
        // NaN compares false with everything.
        var encoding = new SinusoidalPositionalEncoding(8, maxSeqLength: 4);
        var original = encoding.Table[2, 5];
        encoding.Table[2, 5] = float.NaN;
        Assert.Throws<Xunit.Sdk.FailException>(() => AssertMatchesFormula(encoding, [2]));
        encoding.Table[2, 5] = original + 1e-5f;
        Assert.Throws<Xunit.Sdk.FailException>(() => AssertMatchesFormula(encoding, [2]));
        encoding.Table[2, 5] = original;
        AssertMatchesFormula(encoding, [2]);
    }

    /// <summary>Every column of the given rows against PE(p, 2i) = sin(p / 10000^(2i/D)), PE(p, 2i+1) = cos(…),
    /// in double.</summary>
    private static void AssertMatchesFormula(SinusoidalPositionalEncoding encoding, IEnumerable<int> positions)
    {
        var dim = encoding.EmbeddingDim;
        foreach (var position in positions)
        {
            for (var column = 0; column < dim; column++)
            {
                var angle = position / Math.Pow(10000, 2.0 * (column / 2) / dim);
                var expected = column % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle);
                var actual = encoding.Table[position, column];
                // Written as "not within" so that a NaN (every comparison with it is false) fails too.
                if (!(Math.Abs(actual - expected) <= Tolerances.RoundedOnce))
                {
                    Assert.Fail($"D={dim}, pos={position}, col={column}: expected {expected}, found {actual}");
                }
            }
        }
    }

    [Fact]
    public void OddDimension_LastColumnIsTheSineOfItsPairsFrequency()
    {
        var encoding = new SinusoidalPositionalEncoding(5, maxSeqLength: 10);
        Assert.Equal(Math.Sin(7 / Math.Pow(10000, 4.0 / 5)), encoding.Table[7, 4], Tolerances.RoundedOnce);
        Assert.Equal(Math.Cos(7 / Math.Pow(10000, 2.0 / 5)), encoding.Table[7, 3], Tolerances.RoundedOnce);
    }

    [Fact]
    public void Theta_ChangesTheWavelengths()
    {
        var encoding = new SinusoidalPositionalEncoding(4, maxSeqLength: 8, theta: 100);
        Assert.Equal(Math.Sin(3 / Math.Pow(100, 2.0 / 4)), encoding.Table[3, 2], Tolerances.RoundedOnce);
    }

    [Fact]
    public void AddTo_AddsRowsToASequence()
    {
        var encoding = new SinusoidalPositionalEncoding(6, maxSeqLength: 10);
        var x = Tensor.FromArray(Enumerable.Repeat(1f, 4 * 6).ToArray(), 4, 6);
        encoding.AddTo(x);
        for (var p = 0; p < 4; p++)
        {
            for (var d = 0; d < 6; d++)
            {
                Assert.Equal(1 + encoding.Table[p, d], x[p, d], 1e-6f);
            }
        }
    }

    [Fact]
    public void AddTo_BroadcastsOverTheBatch()
    {
        var encoding = new SinusoidalPositionalEncoding(3, maxSeqLength: 5);
        var random = new Random(3);
        var values = Enumerable.Range(0, 2 * 4 * 3).Select(_ => random.NextSingle()).ToArray();
        var x = Tensor.FromArray((float[])values.Clone(), 2, 4, 3);
        encoding.AddTo(x);
        for (var b = 0; b < 2; b++)
        {
            for (var p = 0; p < 4; p++)
            {
                for (var d = 0; d < 3; d++)
                {
                    Assert.Equal(values[(b * 4 + p) * 3 + d] + encoding.Table[p, d], x[b, p, d], 1e-6f);
                }
            }
        }
    }

    [Fact]
    public void AddTo_ThrowsForTooLongSequence_SayingHowToFixIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new SinusoidalPositionalEncoding(4, 8).AddTo(Tensor.Zeros(9, 4)));
        Assert.Contains("Sequence length 9", error.Message);
        Assert.Contains("maxSeqLength 8", error.Message);
        Assert.Contains("raise maxSeqLength", error.Message);
    }

    [Fact]
    public void AddTo_ThrowsForDimensionMismatch()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new SinusoidalPositionalEncoding(4, 8).AddTo(Tensor.Zeros(2, 5)));
        Assert.Contains("last dimension is 5", error.Message);
    }

    [Fact]
    public void AddTo_SequenceLengthSweep_MatchesNaiveAddition()
    {
        var encoding = new SinusoidalPositionalEncoding(3, maxSeqLength: 12);
        for (var length = 0; length <= 12; length++)
        {
            var random = new Random(length);
            var values = Enumerable.Range(0, 2 * length * 3).Select(_ => random.NextSingle()).ToArray();
            var x = (float[])values.Clone();
            encoding.AddTo(x, length);
            for (var i = 0; i < x.Length; i++)
            {
                var position = i / 3 % length;
                Assert.Equal(values[i] + encoding.Table[position, i % 3], x[i]);
            }
        }
    }

    [Fact]
    public void AddTo_OfSequencesLongerThanOneAddPiece_MatchesNaiveAddition()
    {
        // [3, 100, 300]: each sequence is 30,000 floats, so AddTo adds it as a 16,384-float piece and a shorter one.
        var encoding = new SinusoidalPositionalEncoding(300, maxSeqLength: 120);
        var random = new Random(11);
        var values = Enumerable.Range(0, 3 * 100 * 300).Select(_ => random.NextSingle()).ToArray();
        var x = Tensor.FromArray((float[])values.Clone(), 3, 100, 300);
        encoding.AddTo(x);
        for (var i = 0; i < values.Length; i++)
        {
            var position = i / 300 % 100;
            Assert.Equal(values[i] + encoding.Table[position, i % 300], x.Span[i]);
        }
    }

    [Fact]
    public void AddTo_ThrowsForWrongRank() =>
        Assert.Throws<ArgumentException>(() => new SinusoidalPositionalEncoding(4, 8).AddTo(Tensor.Zeros(4)));

    [Fact]
    public void AddTo_OnFlatBuffer_ThrowsForPartialBlocks() =>
        Assert.Throws<ArgumentException>(() => new SinusoidalPositionalEncoding(4, 8).AddTo(new float[10], 2));

    [Fact]
    public void Encode_CopiesOneRow()
    {
        var encoding = new SinusoidalPositionalEncoding(7, 20);
        var row = new float[7];
        encoding.Encode(13, row);
        Assert.Equal(encoding.Table.Row(13).ToArray(), row);
        Assert.Throws<ArgumentOutOfRangeException>(() => encoding.Encode(20, row));
        Assert.Throws<ArgumentException>(() => encoding.Encode(1, new float[6]));
    }

    [Theory]
    [InlineData(0, 10, 10000.0)]
    [InlineData(4, 0, 10000.0)]
    [InlineData(4, 10, 1.0)]
    public void Constructor_ThrowsForInvalidSettings(int dim, int length, double theta) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SinusoidalPositionalEncoding(dim, length, theta));
}
