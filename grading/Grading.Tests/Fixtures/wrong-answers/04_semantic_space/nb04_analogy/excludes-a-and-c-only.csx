// mistake: excludes a and c but forgets b
// validate flags it: yes
static int AnalogyTop(Tensor table, int a, int b, int c)
{
    int dim = table.Shape[1];
    var query = new float[dim];
    foreach (var (id, sign) in new[] { (a, 1f), (b, -1f), (c, 1f) })
    {
        float norm = TensorPrimitives.Norm(table.Row(id));
        for (int j = 0; j < dim; j++) query[j] += sign * table[id, j] / norm;
    }
    return NearestNeighbours(table, query, 1, new[] { a, c })[0];
}
