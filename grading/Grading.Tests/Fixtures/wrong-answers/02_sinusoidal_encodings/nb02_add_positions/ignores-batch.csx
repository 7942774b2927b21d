// mistake: the index forgets the batch (s × dim + j), so only the first sequence gets positions, batchSize times
// validate flags it: yes
static void AddPositions(float[] batch, int batchSize, int seq, int dim, float[,] table)
{
    if (seq > table.GetLength(0))
        throw new ArgumentOutOfRangeException(nameof(seq), seq, $"the table has only {table.GetLength(0)} positions.");
    if (dim != table.GetLength(1))
        throw new ArgumentException($"dim {dim} differs from the table's {table.GetLength(1)} columns.", nameof(dim));
    for (int b = 0; b < batchSize; b++)
        for (int s = 0; s < seq; s++)
            for (int j = 0; j < dim; j++)
                batch[s * dim + j] += table[s, j];
}
