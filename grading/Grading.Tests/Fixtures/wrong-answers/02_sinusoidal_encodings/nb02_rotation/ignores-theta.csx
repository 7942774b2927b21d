// mistake: hard-codes 10000 and ignores the theta parameter
// validate flags it: no
static double[,] ShiftRotation(int k, int dim, double theta = 10000)
{
    if (dim % 2 != 0) throw new ArgumentException($"dim {dim} is odd.", nameof(dim));
    var r = new double[dim, dim];
    for (int i = 0; i < dim / 2; i++)
    {
        double angle = k * Math.Pow(10000, -2.0 * i / dim);
        (r[2 * i, 2 * i], r[2 * i, 2 * i + 1]) = (Math.Cos(angle), Math.Sin(angle));
        (r[2 * i + 1, 2 * i], r[2 * i + 1, 2 * i + 1]) = (-Math.Sin(angle), Math.Cos(angle));
    }
    return r;
}
