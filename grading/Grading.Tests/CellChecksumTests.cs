using Grading.Notebooks;
using Grading.Release;

namespace Grading.Tests;

public class CellChecksumTests
{
    // Expected values were generated once with Python's hashlib, feeding nbgrader's fields in nbgrader's order:
    //   m = hashlib.md5(); [m.update(p.encode("utf-8")) for p in [source, cell_type, "True", "False", "True", grade_id, str(float(points))]]; m.hexdigest()
    [Fact]
    public void Compute_MatchesNbgradersMd5_ForATestCell()
    {
        var notebook = Notebook.Load(Fixture.TinyNotebook);
        var tests = notebook.Cells.Single(c => c.GradeId == "square_tests");
        tests.Source = "// Square: visible and hidden cases\nif (Square(3) != 9) throw new Exception($\"Square(3): expected 9, found {Square(3)}.\");";
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
    public void PythonFloat_PrintsLikePythonsStrOfFloat(double value, string expected) =>
        Assert.Equal(expected, CellChecksum.PythonFloat(value));
}
