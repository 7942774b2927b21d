// mistake: no validation at all; copies rows straight away (a bad id fails inside AsSpan, or reads another row)
// validate flags it: yes
static void LookupRows(float[] weight, int dim, ReadOnlySpan<int> ids, Span<float> destination)
{
    for (int i = 0; i < ids.Length; i++)
        weight.AsSpan(ids[i] * dim, dim).CopyTo(destination.Slice(i * dim, dim));
}
