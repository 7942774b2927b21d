// mistake: treats bf16 as a 32-bit format (4 bytes) because of its float32 exponent
// validate flags it: yes
static long EmbeddingBytes(long vocab, long dim, DType dtype)
{
    long bytesPerElement = dtype switch { DType.Float32 or DType.BFloat16 => 4, DType.Float16 => 2, _ => 1 };
    return EmbeddingParameters(vocab, dim) * bytesPerElement;
}
