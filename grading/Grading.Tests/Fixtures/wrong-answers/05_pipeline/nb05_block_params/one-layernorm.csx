// mistake: counts one LayerNorm per block (2d) instead of two (4d)
// validate flags it: yes
static long TransformerBlockParameters(long d)
{
    return 4 * d * d + 4 * d + 8 * d * d + 5 * d + 2 * d;
}
