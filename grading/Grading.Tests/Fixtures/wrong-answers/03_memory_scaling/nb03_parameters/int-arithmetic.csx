// mistake: multiplies in int, which wraps past 2,147,483,647 parameters
// validate flags it: yes
static long EmbeddingParameters(long vocab, long dim)
{
    if (vocab < 0) throw new ArgumentOutOfRangeException(nameof(vocab));
    if (dim < 0) throw new ArgumentOutOfRangeException(nameof(dim));
    return (int)vocab * (int)dim;
}
