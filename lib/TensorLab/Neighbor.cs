namespace TensorLab;

/// <summary>A row of a table and its cosine similarity to a query.</summary>
/// <param name="Id">The row (token id).</param>
/// <param name="Score">Cosine similarity in [−1, 1].</param>
public readonly record struct Neighbor(int Id, float Score);
