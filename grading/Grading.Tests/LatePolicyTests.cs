using Grading.Autograde;

namespace Grading.Tests;

/// <summary>Lateness in memory: the three policies, started hours, clipping to the raw score, bad input.</summary>
public class LatePolicyTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 23, 59, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("none", 61, 0)]
    [InlineData("zero", 1, 8)]
    [InlineData("per-hour:0.5", 1, 0.5)]     // one minute late is one started hour
    [InlineData("per-hour:0.5", 61, 1.0)]    // 61 minutes: two started hours
    [InlineData("per-hour:3", 60 * 24, 8)]   // never more than the raw score
    public void ALateSubmission_ThePenaltyFollowsThePolicy(string policy, int minutesLate, double penalty) =>
        Assert.Equal(penalty, LatePolicy.Parse(policy).Penalty(8, Due.AddMinutes(minutesLate), Due));

    [Fact]
    public void AnOnTimeOrUndatedSubmission_ThereIsNoPenalty()
    {
        var policy = LatePolicy.Parse("zero");
        Assert.Equal(0, policy.Penalty(8, Due, Due));
        Assert.Equal(0, policy.Penalty(8, null, Due));
        Assert.Equal(0, policy.Penalty(8, Due.AddDays(3), null));
    }

    [Theory]
    [InlineData("per-hour")]
    [InlineData("per-hour:-1")]
    [InlineData("late")]
    public void AnUnknownPolicy_ParsingNamesTheAcceptedForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => LatePolicy.Parse(text));
        Assert.Contains("use none, zero or per-hour:P", error.Message);
    }
}
