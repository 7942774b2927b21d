using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>
/// A fact about sandboxing: it needs bubblewrap, so it is skipped, with the reason, on a machine without it
/// (.ci/run installs bubblewrap and fails when any test is skipped).
/// </summary>
public sealed class BubblewrapFactAttribute : FactAttribute
{
    public BubblewrapFactAttribute()
    {
        if (BubblewrapProbe.WhyUnavailable is { } why)
        {
            Skip = $"needs bubblewrap: {why}";
        }
    }
}
