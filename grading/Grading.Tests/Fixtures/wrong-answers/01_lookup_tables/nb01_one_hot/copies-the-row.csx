// mistake: copies row id instead of computing the product (same numbers, none of the V × dim work)
// validate flags it: yes
static float[] OneHotTimesWeight(float[] weight, int vocab, int dim, int id)
{
    return weight.AsSpan(id * dim, dim).ToArray();
}
