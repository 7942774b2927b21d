// mistake: computes in int, which wraps for d = 20,000
// validate flags it: yes
static long TransformerBlockParameters(long d)
{
    int w = (int)d;
    return 12 * w * w + 13 * w;
}
