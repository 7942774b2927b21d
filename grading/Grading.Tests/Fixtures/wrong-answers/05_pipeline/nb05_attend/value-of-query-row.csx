// mistake: multiplies by the query's own value row v[i] instead of v[j]
// validate flags it: yes
static float[,] AttendValues(float[,] weights, float[,] v)
{
    int seqQ = weights.GetLength(0), seqK = weights.GetLength(1), dHead = v.GetLength(1);
    if (v.GetLength(0) != seqK) throw new ArgumentException("inner sizes differ", nameof(v));
    var output = new float[seqQ, dHead];
    for (int i = 0; i < seqQ; i++) for (int j = 0; j < seqK; j++) for (int c = 0; c < dHead; c++) output[i, c] += weights[i, j] * v[i, c];
    return output;
}
