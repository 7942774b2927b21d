// mistake: indexes W column-major (weight[j × vocab + v])
// validate flags it: yes
static float[] OneHotTimesWeight(float[] weight, int vocab, int dim, int id)
{
    var oneHot = new float[vocab];
    oneHot[id] = 1f;
    var result = new float[dim];
    for (int v = 0; v < vocab; v++)
        for (int j = 0; j < dim; j++)
            result[j] += oneHot[v] * weight[j * vocab + v];
    return result;
}
