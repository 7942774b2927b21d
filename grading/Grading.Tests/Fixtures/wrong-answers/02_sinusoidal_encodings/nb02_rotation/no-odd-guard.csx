// mistake: no guard for an odd dim (the lone sine column is silently left at 0)
// validate flags it: yes
static double[,] ShiftRotation(int k, int dim, double theta = 10000)
{

    var r = new double[dim, dim];
    for (int i = 0; i < dim / 2; i++)
    {
        double angle = k * Math.Pow(theta, -2.0 * i / dim);
        (r[2 * i, 2 * i], r[2 * i, 2 * i + 1]) = (Math.Cos(angle), Math.Sin(angle));
        (r[2 * i + 1, 2 * i], r[2 * i + 1, 2 * i + 1]) = (-Math.Sin(angle), Math.Cos(angle));
    }
    return r;
}
