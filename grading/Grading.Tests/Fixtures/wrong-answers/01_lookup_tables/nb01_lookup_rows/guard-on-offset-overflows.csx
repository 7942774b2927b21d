// mistake: guards the offset id × dim instead of the id; int.MinValue × 2 overflows to 0 and passes as row 0
// validate flags it: no
static void LookupRows(float[] weight, int dim, ReadOnlySpan<int> ids, Span<float> destination)
{
    for (int i = 0; i < ids.Length; i++)
        if (ids[i] * dim < 0 || ids[i] * dim >= weight.Length)
            throw new ArgumentOutOfRangeException(nameof(ids), ids[i], $"id {ids[i]} at position {i} is outside [0, {weight.Length / dim}).");
    for (int i = 0; i < ids.Length; i++)
        weight.AsSpan(ids[i] * dim, dim).CopyTo(destination.Slice(i * dim, dim));
}
