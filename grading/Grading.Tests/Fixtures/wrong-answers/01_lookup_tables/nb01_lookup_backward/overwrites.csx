// mistake: overwrites the row (CopyTo) instead of adding, so a repeated id keeps only its last gradient
// validate flags it: yes
static void LookupBackward(ReadOnlySpan<int> ids, ReadOnlySpan<float> gradOutput, float[] grad, int dim, int paddingIdx)
{
    for (int i = 0; i < ids.Length; i++)
    {
        if (ids[i] == paddingIdx) continue;
        gradOutput.Slice(i * dim, dim).CopyTo(grad.AsSpan(ids[i] * dim, dim));
    }
}
