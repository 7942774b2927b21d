// mistake: does not skip the padding id, so the padding row receives a gradient
// validate flags it: yes
static void LookupBackward(ReadOnlySpan<int> ids, ReadOnlySpan<float> gradOutput, float[] grad, int dim, int paddingIdx)
{
    for (int i = 0; i < ids.Length; i++)
    {
        Span<float> row = grad.AsSpan(ids[i] * dim, dim);
        TensorPrimitives.Add(row, gradOutput.Slice(i * dim, dim), row);
    }
}
