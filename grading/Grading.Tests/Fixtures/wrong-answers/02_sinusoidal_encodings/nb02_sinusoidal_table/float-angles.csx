// mistake: angles in float (MathF): right to 1e-6 near position 0, off by about 1e-4 by position 5,000
// validate flags it: yes
static float[,] SinusoidalTable(int maxLen, int dim, double theta = 10000)
{
    var table = new float[maxLen, dim];
    for (int pos = 0; pos < maxLen; pos++)
    {
        for (int j = 0; j < dim; j++)
        {
            float angle = pos / MathF.Pow((float)theta, (j - j % 2) / (float)dim);
            table[pos, j] = j % 2 == 0 ? MathF.Sin(angle) : MathF.Cos(angle);
        }
    }
    return table;
}
