// mistake: right arithmetic, no guards (a too-long sequence fails inside the table instead of with a clear error)
// validate flags it: yes
static void AddPositions(float[] batch, int batchSize, int seq, int dim, float[,] table)
{
    for (int b = 0; b < batchSize; b++)
        for (int s = 0; s < seq; s++)
            for (int j = 0; j < dim; j++)
                batch[(b * seq + s) * dim + j] += table[s, j];
}
