// mistake: ranks rows by dot product instead of cosine, so long rows win
// validate flags it: yes
static int[] NearestNeighbours(Tensor table, ReadOnlySpan<float> query, int k, int[] exclude)
{
    var scored = new List<(int Id, float Score)>();
    for (int id = 0; id < table.Shape[0]; id++)
        if (!exclude.Contains(id)) scored.Add((id, TensorPrimitives.Dot(table.Row(id), query)));
    return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Id).Take(k).Select(s => s.Id).ToArray();
}
