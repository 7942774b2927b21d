// mistake: never compares the lengths; loops over a and reads past the end of a shorter b
// validate flags it: yes
static float CosineSimilarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
{
    double dot = 0, normA = 0, normB = 0;
    for (int i = 0; i < a.Length; i++) { dot += (double)a[i] * b[i]; normA += (double)a[i] * a[i]; normB += (double)b[i] * b[i]; }
    return normA == 0 || normB == 0 ? 0f : (float)(dot / Math.Sqrt(normA * normB));
}
