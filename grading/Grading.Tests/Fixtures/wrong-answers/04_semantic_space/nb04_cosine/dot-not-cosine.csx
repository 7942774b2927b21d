// mistake: returns the dot product without dividing by the norms
// validate flags it: yes
static float CosineSimilarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
{
    if (a.Length != b.Length) throw new ArgumentException("lengths differ", nameof(b));
    double dot = 0;
    for (int i = 0; i < a.Length; i++) dot += (double)a[i] * b[i];
    return (float)dot;
}
