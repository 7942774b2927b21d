// mistake: loops over seq_q keys, as if seq_k always equalled seq_q
// validate flags it: no
static float[,] AttendValues(float[,] weights, float[,] v)
{
    int seqQ = weights.GetLength(0), dHead = v.GetLength(1);
    if (v.GetLength(0) != weights.GetLength(1)) throw new ArgumentException("inner sizes differ", nameof(v));
    var output = new float[seqQ, dHead];
    for (int i = 0; i < seqQ; i++) for (int j = 0; j < Math.Min(seqQ, v.GetLength(0)); j++) for (int c = 0; c < dHead; c++) output[i, c] += weights[i, j] * v[j, c];
    return output;
}
