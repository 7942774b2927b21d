using Grading.Autograde;

namespace Grading.Tests;

/// <summary>
/// Submission times come from the instructor's collection file; unknown or unreadable ones are flagged.
/// </summary>
public class SubmissionTimesTests
{
    private static SubmissionTimes Load(string text, bool due = true)
    {
        var path = Path.Combine(Fixture.TempFolder(), "times.csv");
        File.WriteAllText(path, text);
        return SubmissionTimes.Load(path, due);
    }

    [Fact]
    public void AListedStudent_GetsTheirTime() =>
        Assert.Equal(
            (DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
             (string?)null),
            Load("student,timestamp\nalice,2026-11-20 10:00:00.000000 UTC\n").For("alice"));

    [Fact]
    public void AnUnreadableTime_IsFlagged_NotTakenAsOnTime()
    {
        var (time, problem) = Load("alice,last tuesday\n").For("alice");
        Assert.Null(time);
        Assert.Equal("submission time 'last tuesday' in times.csv line 1 is not a date; lateness was not computed " +
                     "— fix the line and re-run", problem);
        Assert.Equal(0, LatePolicy.Parse("zero").Penalty(4, time, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void AMissingStudent_IsFlagged_WhenADueDateIsSet()
    {
        Assert.StartsWith(
            "submission time unknown: times.csv has no line for this student",
            Load("alice,2026-11-20T10:00:00Z\n").For("bob").Problem);
        Assert.Null(Load("alice,2026-11-20T10:00:00Z\n", due: false).For("bob").Problem);
        Assert.StartsWith(
            "submission time unknown: give the collection times with --times",
            SubmissionTimes.None(true).For("bob").Problem);
    }

    [Theory]
    [InlineData("alice 2026-11-20\n", "times.csv:1: expected 'student,timestamp'")]
    [InlineData("alice,2026-11-20\nalice,2026-11-21\n", "times.csv:2: student 'alice' is listed twice")]
    public void AMalformedFile_IsAnErrorWithTheLine(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => Load(text)).Message);

    [Fact]
    public void LatePolicy_CountsStartedHoursFromTheCollectedTime() =>
        Assert.Equal(
            5,
            LatePolicy.Parse("per-hour:0.5").Penalty(
                10,
                DateTimeOffset.Parse("2026-11-21T09:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse("2026-11-21T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
}
