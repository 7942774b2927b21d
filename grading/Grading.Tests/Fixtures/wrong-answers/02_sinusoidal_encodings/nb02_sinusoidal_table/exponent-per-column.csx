// mistake: exponent j / dim for every column, so the two columns of a pair get different frequencies
// validate flags it: yes
static float[,] SinusoidalTable(int maxLen, int dim, double theta = 10000)
{
    var table = new float[maxLen, dim];
    for (int pos = 0; pos < maxLen; pos++)
    {
        for (int j = 0; j < dim; j++)
        {
            double angle = pos / Math.Pow(theta, j / (double)dim);
            table[pos, j] = j % 2 == 0 ? (float)Math.Sin(angle) : (float)Math.Cos(angle);
        }
    }
    return table;
}
