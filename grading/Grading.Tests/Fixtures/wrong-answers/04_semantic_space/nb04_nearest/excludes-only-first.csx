// mistake: skips only the first id of exclude
// validate flags it: no
static int[] NearestNeighbours(Tensor table, ReadOnlySpan<float> query, int k, int[] exclude)
{
    var scored = new List<(int Id, float Score)>();
    for (int id = 0; id < table.Shape[0]; id++)
        if (exclude.Length == 0 || id != exclude[0]) scored.Add((id, CosineSimilarity(table.Row(id), query)));
    return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Id).Take(k).Select(s => s.Id).ToArray();
}
