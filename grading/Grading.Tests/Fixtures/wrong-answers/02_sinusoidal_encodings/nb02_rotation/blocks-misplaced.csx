// mistake: block i placed at rows and columns i, i + 1 instead of 2i, 2i + 1 (blocks overlap)
// validate flags it: yes
static double[,] ShiftRotation(int k, int dim, double theta = 10000)
{
    if (dim % 2 != 0) throw new ArgumentException($"dim {dim} is odd.", nameof(dim));
    var r = new double[dim, dim];
    for (int i = 0; i < dim / 2; i++)
    {
        double angle = k * Math.Pow(theta, -2.0 * i / dim);
        (r[i, i], r[i, i + 1]) = (Math.Cos(angle), Math.Sin(angle));
        (r[i + 1, i], r[i + 1, i + 1]) = (-Math.Sin(angle), Math.Cos(angle));
    }
    return r;
}
