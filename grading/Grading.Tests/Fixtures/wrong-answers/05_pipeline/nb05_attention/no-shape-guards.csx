// mistake: correct weights but no check that q, k and the mask agree; loses only the guard cell
// validate flags it: yes
static float[,] AttentionWeights(float[,] q, float[,] k, bool[,] allowed)
{
    int seqQ = q.GetLength(0), seqK = k.GetLength(0), dHead = q.GetLength(1);
    var weights = new float[seqQ, seqK];
    for (int i = 0; i < seqQ; i++)
    {
        var s = new double[seqK];
        for (int j = 0; j < seqK; j++)
        {
            double dot = 0;
            for (int c = 0; c < dHead; c++) dot += (double)q[i, c] * k[j, c];
            s[j] = allowed[i, j] ? dot / Math.Sqrt(dHead) : double.NegativeInfinity;
        }
        double max = s.Max();
        if (double.IsNegativeInfinity(max)) continue;
        double sum = s.Sum(x => Math.Exp(x - max));
        for (int j = 0; j < seqK; j++) weights[i, j] = (float)(Math.Exp(s[j] - max) / sum);
    }
    return weights;
}
