// mistake: counts the weight matrices (12d²) but no biases or LayerNorm parameters
// validate flags it: yes
static long TransformerBlockParameters(long d)
{
    return 12 * d * d;
}
