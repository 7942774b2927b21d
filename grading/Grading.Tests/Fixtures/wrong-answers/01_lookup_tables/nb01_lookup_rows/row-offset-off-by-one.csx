// mistake: off-by-one in the row offset ((id + 1) × dim): every row is the next one, the last id reads past the table
// validate flags it: yes
static void LookupRows(float[] weight, int dim, ReadOnlySpan<int> ids, Span<float> destination)
{
    int vocab = weight.Length / dim;
    for (int i = 0; i < ids.Length; i++)
        if (ids[i] < 0 || ids[i] >= vocab)
            throw new ArgumentOutOfRangeException(nameof(ids), ids[i], $"id {ids[i]} at position {i} is outside [0, {vocab}).");
    for (int i = 0; i < ids.Length; i++)
        weight.AsSpan((ids[i] + 1) * dim, dim).CopyTo(destination.Slice(i * dim, dim));
}
