// mistake: builds the one-hot vector but skips every row whose entry is 0, which is a copy in disguise
// validate flags it: yes
static float[] OneHotTimesWeight(float[] weight, int vocab, int dim, int id)
{
    var oneHot = new float[vocab];
    oneHot[id] = 1f;
    var result = new float[dim];
    for (int v = 0; v < vocab; v++)
    {
        if (oneHot[v] == 0f) continue;
        for (int j = 0; j < dim; j++)
            result[j] += oneHot[v] * weight[v * dim + j];
    }
    return result;
}
