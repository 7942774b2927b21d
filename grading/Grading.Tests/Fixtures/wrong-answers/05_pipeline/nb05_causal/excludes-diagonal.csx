// mistake: allows only j < i, so a token cannot read itself (and row 0 reads nothing)
// validate flags it: yes
static bool[,] CausalMask(int seq)
{
    if (seq < 0) throw new ArgumentOutOfRangeException(nameof(seq));
    var allowed = new bool[seq, seq];
    for (int i = 0; i < seq; i++) for (int j = 0; j < i; j++) allowed[i, j] = true;
    return allowed;
}
