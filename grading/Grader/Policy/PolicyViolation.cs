namespace Grading.Policy;

/// <summary>One use of something the policy does not allow, located in its cell.</summary>
/// <param name="Line">1-based line in the cell.</param>
/// <param name="Api">What was used ("System.IO.File.ReadAllText", "unsafe code").</param>
/// <param name="Why">What the refusal protects, or null when the name is simply not on the allow-list.</param>
internal sealed record PolicyViolation(int Line, string Api, string? Why)
{
    /// <summary>"line 5 uses System.IO.File.ReadAllText (the file system), which this assignment does not
    /// allow".</summary>
    public override string ToString() =>
        $"line {Line} uses {Api}" +
        (Why is null
            ? ", which is not on this assignment's list of allowed APIs"
            : $" ({Why}), which this assignment does not allow");
}
