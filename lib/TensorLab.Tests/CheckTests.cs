namespace TensorLab.Tests;

[Collection(ConsoleCollection.Name)]
public class CheckTests
{
    [Fact]
    public void Equal_Failure_SaysExpectedFoundAndHint()
    {
        var error = Assert.Throws<CheckFailedException>(
            () => Check.Equal("offset of (2, 3)", 11, 13, hint: "row × cols + col"));
        Assert.Equal("offset of (2, 3): expected 13, found 11. Hint: row × cols + col", error.Message);
    }

    [Fact]
    public void Close_Scalar_FailureGivesDifferenceAndTolerance()
    {
        var error = Assert.Throws<CheckFailedException>(() => Check.Close("cosine", 0.5, 0.7, 1e-3));
        Assert.Equal("cosine: expected 0.7, found 0.5 (difference 0.2 > tolerance 0.001).", error.Message);
        Check.Close("cosine", 0.70000001, 0.7, 1e-3);
    }

    [Fact]
    public void Close_Spans_FailureNamesFirstBadIndexAndWorstDifference()
    {
        var error = Assert.Throws<CheckFailedException>(
            () => Check.Close("pe row 1", [0f, 1f, 2.5f, 3f], [0f, 1.5f, 2f, 3f], 1e-5f));
        Assert.Equal(
            "pe row 1: 2 of 4 values differ by more than 1E-05. " +
            "First at index 1: expected 1.5, found 1 (difference 0.5); largest difference 0.5 at index 1.",
            error.Message);
    }

    [Fact]
    public void Close_Spans_FailsOnLengthMismatchAndNaN()
    {
        Assert.Contains(
            "expected 3 values, found 2",
            Assert.Throws<CheckFailedException>(() => Check.Close("row", [1f, 2f], [1f, 2f, 3f])).Message);
        Assert.Throws<CheckFailedException>(() => Check.Close("row", [float.NaN], [1f]));
    }

    [Fact]
    public void Close_Tensors_ChecksShapeFirst()
    {
        var error = Assert.Throws<CheckFailedException>(
            () => Check.Close("batch", Tensor.Zeros(2, 3), Tensor.Zeros(3, 2)));
        Assert.Equal("batch: expected shape [3, 2], found [2, 3].", error.Message);
        Check.Close("batch", Tensor.Zeros(2, 3), Tensor.Zeros(2, 3));
    }

    [Fact]
    public void Shape_FailureNamesBothShapes()
    {
        var error = Assert.Throws<CheckFailedException>(() => Check.Shape("output", Tensor.Zeros(4, 8), 2, 4, 8));
        Assert.StartsWith("output: expected shape [2, 4, 8], found [4, 8].", error.Message);
    }

    [Fact]
    public void Throws_ReturnsTheExceptionOrExplainsWhatHappenedInstead()
    {
        var thrown = Check.Throws<ArgumentOutOfRangeException>(
            "id 9",
            () => throw new ArgumentOutOfRangeException("ids", "bad id 9"));
        Assert.Contains("bad id 9", thrown.Message);
        Assert.Equal("id 9: expected ArgumentOutOfRangeException, but nothing was thrown. Hint: validate ids first",
            Assert.Throws<CheckFailedException>(
                () => Check.Throws<ArgumentOutOfRangeException>("id 9", () => { }, "validate ids first")).Message);
        Assert.StartsWith("id 9: expected ArgumentOutOfRangeException, found IndexOutOfRangeException",
            Assert.Throws<CheckFailedException>(
                () => Check.Throws<ArgumentOutOfRangeException>("id 9", () => throw new IndexOutOfRangeException()))
            .Message);
        Assert.Contains("not implemented yet",
            Assert.Throws<CheckFailedException>(
                () => Check.Throws<ArgumentOutOfRangeException>("id 9", () => throw new NotImplementedException()))
            .Message);
    }

    [Fact]
    public void True_FailsWithTheGivenMessage()
    {
        Assert.Equal(
            "padding row must stay zero",
            Assert.Throws<CheckFailedException>(() => Check.True(false, "padding row must stay zero")).Message);
        Check.True(true, "fine");
    }

    [Fact]
    public void Passing_Close_PrintsExactOrApproxWithTheMaxDifference()
    {
        var original = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            Check.Close("lookup row 3", [1f, 2f], [1f, 2f]);
            Check.Close("pe[5]", [1f, 2f], [1f, 2.000001f]);
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = captured.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("✓ lookup row 3: exact (2 values)", lines[0]);
        Assert.StartsWith("✓ pe[5]: approx (2 values, max diff 9.53674E-07 ≤ 1E-05)", lines[1]);
    }

    [Fact]
    public void Passing_Check_PrintsAVerdictLine()
    {
        var original = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            Check.Equal("rows", 3, 3);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal("✓ rows: 3" + Environment.NewLine, captured.ToString());
    }

    [Fact]
    public void Close_ValuesThatDifferInTheSeventhDigit_PrintWithEnoughDigitsToSeeIt()
    {
        var error = Assert.Throws<CheckFailedException>(
            () => Check.Close("PE[3, 1]", [-0.7101479f], [-0.7101487f], 1e-7f));
        Assert.Contains("expected -0.7101487, found -0.7101479", error.Message);
        var scalar = Assert.Throws<CheckFailedException>(() => Check.Close("angle", 1.0000001, 1.0000002, 1e-9));
        Assert.Contains("expected 1.0000002, found 1.0000001", scalar.Message);
    }

    [Fact]
    public void Close_Matrices_NameTheFirstAndWorstElementByRowAndColumn()
    {
        var expected = new float[2, 3] { { 0f, 1f, 2f }, { 3f, 4f, 5f } };
        var actual = new float[2, 3] { { 0f, 1f, 2f }, { 3f, 4f, 9f } };
        var error = Assert.Throws<CheckFailedException>(() => Check.Close("table", actual, expected, 1e-6f));
        Assert.Equal(
            "table: 1 of 6 values differ by more than 1E-06. " +
            "First at (row 1, col 2): expected 5, found 9 (difference 4); largest difference 4 at (row 1, col 2).",
            error.Message);
        Assert.Contains(
            "expected shape [2, 3], found [3, 2]",
            Assert.Throws<CheckFailedException>(() => Check.Close("table", new float[3, 2], expected)).Message);
        Check.Close("table", expected, (float[,])expected.Clone(), 0f);
    }

    [Fact]
    public void Close_Tensors_NameTheElementByItsIndices()
    {
        var actual = Tensor.Zeros(2, 3, 4);
        actual[1, 2, 3] = 1f;
        var error = Assert.Throws<CheckFailedException>(() => Check.Close("batch", actual, Tensor.Zeros(2, 3, 4)));
        Assert.Contains("First at [1, 2, 3]", error.Message);
    }

    [Fact]
    public void Call_StudentCodeThatThrows_FailsNamingTheCallTheExceptionAndTheHint()
    {
        Assert.Equal(6, Check.Call("RowMajorOffset(1, 2, cols: 4)", () => 6));
        var error = Assert.Throws<CheckFailedException>(() => Check.Call("LookupRows(weight [5, 2], ids {0, 7})",
            () => new float[4].AsSpan(14, 2).ToArray(), hint: "row id starts at id * dim"));
        Assert.Equal("LookupRows(weight [5, 2], ids {0, 7}): threw ArgumentOutOfRangeException " +
                     "(\"Specified argument was out of the range of valid values.\") " +
                     "instead of returning. Hint: row id starts at id * dim", error.Message);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.Contains(
            "not implemented yet",
            Assert.Throws<CheckFailedException>(
                () => Check.Call("Stub()", () => throw new NotImplementedException())).Message);
        var inner = new CheckFailedException("inner check");
        Assert.Same(inner, Assert.Throws<CheckFailedException>(() => Check.Call("Nested()", () => throw inner)));
    }

    [Fact]
    public void CloseRows_NamesTheElementByRowAndColumnOfTheFlatBuffer()
    {
        var error = Assert.Throws<CheckFailedException>(
            () => Check.CloseRows("lookup", [0f, 1f, 2f, 3f, 4f, 5f], [0f, 1f, 2f, 3f, 4f, 6f], 2, 1e-6f));
        Assert.Contains("First at (row 2, col 1): expected 6, found 5", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Check.CloseRows("lookup", [1f], [1f], 0));
        Check.CloseRows("lookup", [1f, 2f], [1f, 2f], 2, 0f);
    }

    [Fact]
    public void Call_AMultiLineExceptionMessage_StaysOnTheFirstLineWithTheHint()
    {
        var error = Assert.Throws<CheckFailedException>(() => Check.Call("AddPositions(seq 16)",
            () => throw new ArgumentOutOfRangeException("seq", 16, "the table has only 16 positions."),
            hint: "seq may equal the table length"));
        Assert.DoesNotContain('\n', error.Message);
        Assert.EndsWith("Hint: seq may equal the table length", error.Message);
    }
}
