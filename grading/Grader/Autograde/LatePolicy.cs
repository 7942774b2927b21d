using System.Globalization;

namespace Grading.Autograde;

/// <summary>How lateness costs points: none (recorded only), zero (the whole score), or P points per started
/// hour.</summary>
internal sealed record LatePolicy(string Kind, double PointsPerHour)
{
    public static LatePolicy None { get; } = new("none", 0);

    /// <summary>Parses "none", "zero" or "per-hour:P".</summary>
    /// <exception cref="FormatException">Anything else, with the accepted forms.</exception>
    public static LatePolicy Parse(string text) => text switch
    {
        "none" => None,
        "zero" => new LatePolicy("zero", 0),
        _ when text.StartsWith("per-hour:", StringComparison.Ordinal)
               && double.TryParse(
                   text["per-hour:".Length..],
                   NumberStyles.Float,
                   CultureInfo.InvariantCulture,
                   out var points)
               && points >= 0
            => new LatePolicy("per-hour", points),
        _ => throw new FormatException(
            $"'{text}' is not a late policy: use none, zero or per-hour:P (P points per started hour late)."),
    };

    /// <summary>The penalty for <paramref name="rawScore"/> submitted at <paramref name="submitted"/>, clipped to [0,
    /// raw score] as nbgrader does.</summary>
    public double Penalty(double rawScore, DateTimeOffset? submitted, DateTimeOffset? due)
    {
        if (submitted is not { } at || due is not { } deadline || at <= deadline)
        {
            return 0;
        }

        var penalty = Kind switch
        {
            "zero" => rawScore,
            "per-hour" => Math.Ceiling((at - deadline).TotalHours) * PointsPerHour,
            _ => 0,
        };
        return Math.Clamp(penalty, 0, rawScore);
    }

    public override string ToString() =>
        Kind == "per-hour" ? $"per-hour:{PointsPerHour.ToString(CultureInfo.InvariantCulture)}" : Kind;
}
