// mistake: always skips id 0 instead of paddingIdx (right only when the padding id happens to be 0)
// validate flags it: no
static void LookupBackward(ReadOnlySpan<int> ids, ReadOnlySpan<float> gradOutput, float[] grad, int dim, int paddingIdx)
{
    for (int i = 0; i < ids.Length; i++)
    {
        if (ids[i] == 0) continue;
        Span<float> row = grad.AsSpan(ids[i] * dim, dim);
        TensorPrimitives.Add(row, gradOutput.Slice(i * dim, dim), row);
    }
}
