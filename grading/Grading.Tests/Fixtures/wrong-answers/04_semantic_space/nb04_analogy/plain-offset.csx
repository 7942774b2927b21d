// mistake: plain a − b + c without normalising the three rows first
// validate flags it: yes
static int AnalogyTop(Tensor table, int a, int b, int c)
{
    int dim = table.Shape[1];
    var query = new float[dim];
    for (int j = 0; j < dim; j++) query[j] = table[a, j] - table[b, j] + table[c, j];
    return NearestNeighbours(table, query, 1, new[] { a, b, c })[0];
}
