namespace TensorLab;

/// <summary>A family of word pairs that share one relation (male → female, country → capital).</summary>
/// <param name="Name">The relation's name.</param>
/// <param name="Pairs">The pairs, each (From, To).</param>
public sealed record RelationFamily(string Name, IReadOnlyList<(string From, string To)> Pairs);
