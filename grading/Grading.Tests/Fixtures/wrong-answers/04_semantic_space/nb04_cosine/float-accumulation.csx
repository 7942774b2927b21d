// mistake: accumulates the dot product and norms in float, which overflows for large values
// validate flags it: yes
static float CosineSimilarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
{
    if (a.Length != b.Length) throw new ArgumentException("lengths differ", nameof(b));
    float dot = 0, normA = 0, normB = 0;
    for (int i = 0; i < a.Length; i++) { dot += a[i] * b[i]; normA += a[i] * a[i]; normB += b[i] * b[i]; }
    return normA == 0 || normB == 0 ? 0f : dot / MathF.Sqrt(normA * normB);
}
