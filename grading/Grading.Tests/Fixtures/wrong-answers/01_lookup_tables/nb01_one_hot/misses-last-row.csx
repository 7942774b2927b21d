// mistake: off-by-one in the row loop (v < vocab - 1), so the last id gives zeros
// validate flags it: yes
static float[] OneHotTimesWeight(float[] weight, int vocab, int dim, int id)
{
    var oneHot = new float[vocab];
    oneHot[id] = 1f;
    var result = new float[dim];
    for (int v = 0; v < vocab - 1; v++)
        for (int j = 0; j < dim; j++)
            result[j] += oneHot[v] * weight[v * dim + j];
    return result;
}
