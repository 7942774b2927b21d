// mistake: drops repeated noise words (Distinct), so a word drawn twice counts once
// validate flags it: no
static double NegativeSamplingLoss(float[] centre, float[] context, int dim, int c, int o, int[] negatives)
{
    static double MinusLogSigmoid(double x) => Math.Max(-x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
    ReadOnlySpan<float> v = centre.AsSpan(c * dim, dim);
    double loss = MinusLogSigmoid(Dot(v, context.AsSpan(o * dim, dim)));
    foreach (int n in negatives.Distinct()) loss += MinusLogSigmoid(-Dot(v, context.AsSpan(n * dim, dim)));
    return loss;
}
