namespace TensorLab;

/// <summary>How an embedding table's weights are drawn at construction.</summary>
public enum EmbeddingInit
{
    /// <summary>Uniform on [−1/√D, 1/√D].</summary>
    Uniform,

    /// <summary>Normal with mean 0 and σ = 1/√D.</summary>
    Normal,

    /// <summary>Xavier (Glorot) uniform on [−√(6/(V+D)), √(6/(V+D))].</summary>
    Xavier,
}
