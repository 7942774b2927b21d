// mistake: adds the gradient instead of subtracting it, climbing the loss
// validate flags it: yes
static void SgdStep(float[] centre, float[] context, int dim, int c, int o, int[] negatives, float learningRate)
{
    float[] v = centre.AsSpan(c * dim, dim).ToArray();
    int[] ids = negatives.Prepend(o).ToArray();
    double[] g = ids.Select((id, n) => Sigmoid(Dot(v, context.AsSpan(id * dim, dim))) - (n == 0 ? 1 : 0)).ToArray();
    for (int n = 0; n < ids.Length; n++)
        for (int j = 0; j < dim; j++) centre[c * dim + j] += learningRate * (float)g[n] * context[ids[n] * dim + j];
    for (int n = 0; n < ids.Length; n++)
        for (int j = 0; j < dim; j++) context[ids[n] * dim + j] += learningRate * (float)g[n] * v[j];
}
