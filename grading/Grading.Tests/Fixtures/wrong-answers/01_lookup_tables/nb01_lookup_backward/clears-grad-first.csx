// mistake: clears grad first, throwing away gradients accumulated by earlier batches
// validate flags it: no
static void LookupBackward(ReadOnlySpan<int> ids, ReadOnlySpan<float> gradOutput, float[] grad, int dim, int paddingIdx)
{
    Array.Clear(grad);
    for (int i = 0; i < ids.Length; i++)
    {
        if (ids[i] == paddingIdx) continue;
        Span<float> row = grad.AsSpan(ids[i] * dim, dim);
        TensorPrimitives.Add(row, gradOutput.Slice(i * dim, dim), row);
    }
}
