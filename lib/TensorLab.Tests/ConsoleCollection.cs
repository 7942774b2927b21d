namespace TensorLab.Tests;

/// <summary>
/// Tests that swap the process-wide <see cref="Console.Out"/>: xunit runs test classes in parallel, so two such classes
/// at once would capture each other's lines (or restore the wrong writer). This collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    /// <summary>The name the swapping classes put in their <c>[Collection]</c> attribute.</summary>
    public const string Name = "Swaps Console.Out";
}
