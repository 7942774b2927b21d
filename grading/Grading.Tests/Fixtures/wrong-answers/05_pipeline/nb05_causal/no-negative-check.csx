// mistake: no check of seq: new bool[-1, -1] throws OverflowException, not ArgumentOutOfRangeException
// validate flags it: no
static bool[,] CausalMask(int seq)
{
    var allowed = new bool[seq, seq];
    for (int i = 0; i < seq; i++) for (int j = 0; j <= i; j++) allowed[i, j] = true;
    return allowed;
}
