// mistake: exponentiates the scores without subtracting the row maximum: exp(14,142) = ∞ and ∞/∞ = NaN
// validate flags it: yes
static float[,] AttentionWeights(float[,] q, float[,] k, bool[,] allowed)
{
    int seqQ = q.GetLength(0), seqK = k.GetLength(0), dHead = q.GetLength(1);
    if (k.GetLength(1) != dHead) throw new ArgumentException("d_head differs", nameof(k));
    if (allowed.GetLength(0) != seqQ || allowed.GetLength(1) != seqK) throw new ArgumentException("mask shape", nameof(allowed));
    var weights = new float[seqQ, seqK];
    for (int i = 0; i < seqQ; i++)
    {
        var e = new double[seqK];
        for (int j = 0; j < seqK; j++)
        {
            double dot = 0;
            for (int c = 0; c < dHead; c++) dot += (double)q[i, c] * k[j, c];
            e[j] = allowed[i, j] ? Math.Exp(dot / Math.Sqrt(dHead)) : 0;
        }
        double sum = e.Sum();
        for (int j = 0; j < seqK; j++) weights[i, j] = (float)(e[j] / sum);
    }
    return weights;
}
