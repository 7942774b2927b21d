// mistake: multiplies the sizes directly, so negative sizes are not rejected
// validate flags it: no
static long EmbeddingBytes(long vocab, long dim, DType dtype)
{
    long bytesPerElement = dtype switch { DType.Float32 => 4, DType.Float16 or DType.BFloat16 => 2, _ => 1 };
    return vocab * dim * bytesPerElement;
}
