using Grading.Notebooks;

namespace Grading.Tests;

public class CellChecksumTests
{
    // Expected values were generated once with Python's hashlib, feeding nbgrader's fields in nbgrader's order:
    //   m = hashlib.md5()
    //   [m.update(p.encode("utf-8"))
    //    for p in [source, cell_type, "True", "False", "True", grade_id, str(float(points))]]
    //   m.hexdigest()
    [Fact]
    public void Compute_MatchesNbgradersMd5_ForATestCell()
    {
        var notebook = Notebook.Load(Fixture.TinyNotebook);
        var tests = notebook.Cells.Single(c => c.GradeId == "square_tests");
        tests.Source = "// Square: visible and hidden cases\nif (Square(3) != 9) throw new Exception($\"Square(3): " +
                       "expected 9, found {Square(3)}.\");";
        Assert.Equal("adca40a6d1bdc2cb79f141d723fd4d64", CellChecksum.Compute(tests));
    }

    [Fact]
    public void Compute_MatchesNbgradersMd5_ForAManualAnswerWithFractionalPointsAndNonAscii()
    {
        // Python: parts "θ → answer", "markdown", "True", "True", "False", "why_answer", str(float(0.5)) = "0.5".
        var notebook = Notebook.Load(Fixture.TinyNotebook);
        var answer = notebook.Cells.Single(c => c.GradeId == "why_answer");
        answer.Source = "θ → answer";
        answer.Metadata["nbgrader"]!["points"] = 0.5;
        Assert.Equal("9ef91c52948f077ab9241922570536d0", CellChecksum.Compute(answer));
    }

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(15, "15.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(2.25, "2.25")]
    // The rest from /usr/bin/python3 -c 'for v in [0.1, 1e-4, 1e-5, 1.5e-5, 1e15, 1e16, 123456789012345678.0,
    // 1234.5678, 1/3, 100.0, 1e22, -2.5, 0.0]: print(str(float(v)))'
    [InlineData(0.1, "0.1")]
    [InlineData(1e-4, "0.0001")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1.5e-5, "1.5e-05")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(1234.5678, "1234.5678")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(100.0, "100.0")]
    [InlineData(1e22, "1e+22")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0.0")]
    public void PythonFloat_PrintsLikePythonsStrOfFloat(double value, string expected) =>
        Assert.Equal(expected, CellChecksum.PythonFloat(value));
}
