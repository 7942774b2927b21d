// mistake: rejects a negative vocab but not a negative dim
// validate flags it: no
static long EmbeddingParameters(long vocab, long dim)
{
    if (vocab < 0) throw new ArgumentOutOfRangeException(nameof(vocab));
    return vocab * dim;
}
