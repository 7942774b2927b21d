namespace TensorLab.Tests;

/// <summary>Named tolerances, each with where it comes from.</summary>
internal static class Tolerances
{
    /// <summary>A float rounded once from an exact double: half an ulp of values ≤ 1 is ≤ 6e-8;
    /// 1e-6 leaves room.</summary>
    public const double RoundedOnce = 1e-6;

    /// <summary>Sums of a few hundred float products, compared with a double reference:
    /// relative error ~ n·2⁻²⁴.</summary>
    public const float FloatAccumulation = 1e-4f;

    /// <summary>Central finite differences in double with h = 1e-3 on a linear loss:
    /// error is float rounding of the weights.</summary>
    public const double FiniteDifference = 1e-3;
}
