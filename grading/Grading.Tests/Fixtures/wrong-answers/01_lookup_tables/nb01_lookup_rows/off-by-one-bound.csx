// mistake: the bound lets id == V through (ids[i] > vocab)
// validate flags it: yes
static void LookupRows(float[] weight, int dim, ReadOnlySpan<int> ids, Span<float> destination)
{
    int vocab = weight.Length / dim;
    for (int i = 0; i < ids.Length; i++)
        if (ids[i] < 0 || ids[i] > vocab)
            throw new ArgumentOutOfRangeException(nameof(ids), ids[i], $"id {ids[i]} at position {i} is outside [0, {vocab}).");
    for (int i = 0; i < ids.Length; i++)
        weight.AsSpan(ids[i] * dim, dim).CopyTo(destination.Slice(i * dim, dim));
}
