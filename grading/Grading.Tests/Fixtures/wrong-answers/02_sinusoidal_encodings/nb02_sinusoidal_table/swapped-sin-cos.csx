// mistake: sin and cos swapped (cosines in the even columns)
// validate flags it: yes
static float[,] SinusoidalTable(int maxLen, int dim, double theta = 10000)
{
    var table = new float[maxLen, dim];
    for (int pos = 0; pos < maxLen; pos++)
    {
        for (int j = 0; j < dim; j++)
        {
            double angle = pos / Math.Pow(theta, (j - j % 2) / (double)dim);
            table[pos, j] = j % 2 == 0 ? (float)Math.Cos(angle) : (float)Math.Sin(angle);
        }
    }
    return table;
}
