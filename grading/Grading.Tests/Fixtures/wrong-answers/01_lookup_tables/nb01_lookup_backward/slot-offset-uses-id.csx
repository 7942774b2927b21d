// mistake: reads the gradient of output row ids[i] instead of output row i
// validate flags it: yes
static void LookupBackward(ReadOnlySpan<int> ids, ReadOnlySpan<float> gradOutput, float[] grad, int dim, int paddingIdx)
{
    for (int i = 0; i < ids.Length; i++)
    {
        if (ids[i] == paddingIdx) continue;
        int source = Math.Min(ids[i], ids.Length - 1);
        Span<float> row = grad.AsSpan(ids[i] * dim, dim);
        TensorPrimitives.Add(row, gradOutput.Slice(source * dim, dim), row);
    }
}
