// mistake: counts bits per element (32, 16, 16, 8) instead of bytes
// validate flags it: yes
static long EmbeddingBytes(long vocab, long dim, DType dtype)
{
    long bitsPerElement = dtype switch { DType.Float32 => 32, DType.Float16 or DType.BFloat16 => 16, _ => 8 };
    return EmbeddingParameters(vocab, dim) * bitsPerElement;
}
