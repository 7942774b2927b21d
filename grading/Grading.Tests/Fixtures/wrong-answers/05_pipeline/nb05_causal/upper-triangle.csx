// mistake: allows j ≥ i: each token reads the future instead of the past
// validate flags it: yes
static bool[,] CausalMask(int seq)
{
    if (seq < 0) throw new ArgumentOutOfRangeException(nameof(seq));
    var allowed = new bool[seq, seq];
    for (int i = 0; i < seq; i++) for (int j = i; j < seq; j++) allowed[i, j] = true;
    return allowed;
}
