// mistake: returns a vector of length vocab (the one-hot side) instead of dim
// validate flags it: yes
static float[] OneHotTimesWeight(float[] weight, int vocab, int dim, int id)
{
    var result = new float[vocab];
    for (int j = 0; j < dim && j < vocab; j++)
        for (int v = 0; v < vocab; v++)
            result[j] += (v == id ? 1f : 0f) * weight[v * dim + j];
    return result;
}
