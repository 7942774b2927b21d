// mistake: takes the softmax over every key, then zeroes the masked weights: the row no longer sums to 1
// validate flags it: yes
static float[,] AttentionWeights(float[,] q, float[,] k, bool[,] allowed)
{
    int seqQ = q.GetLength(0), seqK = k.GetLength(0), dHead = q.GetLength(1);
    if (k.GetLength(1) != dHead) throw new ArgumentException("d_head differs", nameof(k));
    if (allowed.GetLength(0) != seqQ || allowed.GetLength(1) != seqK) throw new ArgumentException("mask shape", nameof(allowed));
    var weights = new float[seqQ, seqK];
    for (int i = 0; i < seqQ; i++)
    {
        var s = new double[seqK];
        for (int j = 0; j < seqK; j++)
        {
            double dot = 0;
            for (int c = 0; c < dHead; c++) dot += (double)q[i, c] * k[j, c];
            s[j] = dot / Math.Sqrt(dHead);
        }
        double max = s.Max(), sum = s.Sum(x => Math.Exp(x - max));
        for (int j = 0; j < seqK; j++) weights[i, j] = allowed[i, j] ? (float)(Math.Exp(s[j] - max) / sum) : 0f;
    }
    return weights;
}
