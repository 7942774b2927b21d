// mistake: hard-codes 10000 and ignores the theta parameter
// validate flags it: no
static float[,] SinusoidalTable(int maxLen, int dim, double theta = 10000)
{
    var table = new float[maxLen, dim];
    for (int pos = 0; pos < maxLen; pos++)
    {
        for (int j = 0; j < dim; j++)
        {
            double angle = pos / Math.Pow(10000, (j - j % 2) / (double)dim);
            table[pos, j] = j % 2 == 0 ? (float)Math.Sin(angle) : (float)Math.Cos(angle);
        }
    }
    return table;
}
