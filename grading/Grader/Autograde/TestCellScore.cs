using Grading.Gradebook;

namespace Grading.Autograde;

/// <summary>
/// The one rule that turns a test cell's run into points, shared by <c>validate</c> and autograde so a student is told
/// the score they will get: a cell that failed earns 0; a cell that succeeded earns its points, or the number it
/// returned (partial credit) clamped to [0, points]; never anything it printed.
/// </summary>
/// <param name="Score">The points earned.</param>
/// <param name="Status">Passed, partial or failed.</param>
/// <param name="Reason">Why points were lost; null when none were.</param>
internal sealed record TestCellScore(double Score, GradeStatus Status, string? Reason)
{
    /// <summary>Scores a test cell worth <paramref name="max"/> points.</summary>
    /// <param name="max">The cell's points.</param>
    /// <param name="succeeded">True when the cell ran to the end without an error.</param>
    /// <param name="returned">The number the cell's last expression returned, if any.</param>
    /// <param name="failure">Why the cell failed (shown as the reason when it did).</param>
    public static TestCellScore Of(double max, bool succeeded, double? returned, string failure)
    {
        if (!succeeded)
        {
            return new TestCellScore(0, GradeStatus.Failed, failure);
        }

        if (returned is { } notANumberOfPoints && !double.IsFinite(notANumberOfPoints))
        {
            // NaN compares false with everything, so without this it would fall through to full marks.
            return new TestCellScore(
                0,
                GradeStatus.Failed,
                $"The tests ended with {notANumberOfPoints} instead of a score between 0 and {max:0.##}: they could " +
                "not score this answer. Look for a division by zero or an empty input in what your code returns.");
        }

        if (returned is { } awarded && awarded <= 0)
        {
            return new TestCellScore(
                0,
                GradeStatus.Failed,
                $"The tests awarded 0 of {max:0.##} points: none of their cases held.");
        }

        if (returned is { } partial && partial < max)
        {
            var score = Math.Clamp(partial, 0, max);
            return new TestCellScore(
                score,
                GradeStatus.Partial,
                $"Partial credit: the tests awarded {score:0.##} of {max:0.##} points.");
        }

        return new TestCellScore(max, GradeStatus.Passed, null);
    }
}
