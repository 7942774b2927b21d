// mistake: no check for negative sizes
// validate flags it: yes
static long EmbeddingParameters(long vocab, long dim)
{
    return vocab * dim;
}
