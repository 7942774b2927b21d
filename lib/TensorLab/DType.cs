namespace TensorLab;

/// <summary>Number formats a model's weights are commonly stored in.</summary>
public enum DType
{
    /// <summary>IEEE 754 single precision, 4 bytes.</summary>
    Float32,

    /// <summary>IEEE 754 half precision, 2 bytes.</summary>
    Float16,

    /// <summary>Brain floating point (float32's exponent, 7-bit mantissa), 2 bytes.</summary>
    BFloat16,

    /// <summary>8-bit integers (quantised weights), 1 byte.</summary>
    Int8,
}
