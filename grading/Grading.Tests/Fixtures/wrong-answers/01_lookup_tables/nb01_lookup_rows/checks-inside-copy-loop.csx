// mistake: checks each id inside the copy loop, so the rows before a bad id are already written when it throws
// validate flags it: yes
static void LookupRows(float[] weight, int dim, ReadOnlySpan<int> ids, Span<float> destination)
{
    int vocab = weight.Length / dim;
    for (int i = 0; i < ids.Length; i++)
    {
        if (ids[i] < 0 || ids[i] >= vocab)
            throw new ArgumentOutOfRangeException(nameof(ids), ids[i], $"id {ids[i]} at position {i} is outside [0, {vocab}).");
        weight.AsSpan(ids[i] * dim, dim).CopyTo(destination.Slice(i * dim, dim));
    }
}
