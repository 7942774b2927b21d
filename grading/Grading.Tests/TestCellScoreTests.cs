using Grading.Autograde;
using Grading.Gradebook;

namespace Grading.Tests;

/// <summary>The one rule that turns a test cell's run into points, at the values NaN makes treacherous.</summary>
public class TestCellScoreTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ATestCellEndingInANumberThatIsNoScore_EarnsNothing_AndSaysWhatToLookFor(double returned)
    {
        // NaN fails every comparison, so "below the maximum" and "at most 0" both said no and it earned full marks.
        var score = TestCellScore.Of(2, succeeded: true, returned, failure: "");
        Assert.Equal((0.0, GradeStatus.Failed), (score.Score, score.Status));
        Assert.Contains("division by zero", score.Reason);
    }

    [Theory]
    [InlineData(null, 2.0, "Passed")]
    [InlineData(1.5, 1.5, "Partial")]
    [InlineData(5.0, 2.0, "Passed")]
    [InlineData(-1.0, 0.0, "Failed")]
    public void AFiniteNumber_IsPartialCreditClampedToThePoints(double? returned, double expected, string status)
    {
        var score = TestCellScore.Of(2, succeeded: true, returned, failure: "");
        Assert.Equal((expected, status), (score.Score, score.Status.ToString()));
    }
}
