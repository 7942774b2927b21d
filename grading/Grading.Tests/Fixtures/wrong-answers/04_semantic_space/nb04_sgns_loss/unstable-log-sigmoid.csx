// mistake: computes −log σ(x) as −Math.Log(Sigmoid(x)), which is −log 0 = ∞ for x = −900
// validate flags it: yes
static double NegativeSamplingLoss(float[] centre, float[] context, int dim, int c, int o, int[] negatives)
{
    ReadOnlySpan<float> v = centre.AsSpan(c * dim, dim);
    double loss = -Math.Log(Sigmoid(Dot(v, context.AsSpan(o * dim, dim))));
    foreach (int n in negatives) loss += -Math.Log(Sigmoid(-Dot(v, context.AsSpan(n * dim, dim))));
    return loss;
}
