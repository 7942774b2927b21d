using System.Globalization;

namespace TensorLab;

/// <summary>How much an embedding table costs: parameters, bytes by number format,
/// and sizes a person can read.</summary>
/// <remarks>Parameters = V × D; bytes = V × D × bytes per element. PyTorch equivalent: <c>w.numel()</c>,
/// <c>w.element_size()</c>.</remarks>
public static class MemoryMath
{
    /// <summary>Bytes one element takes in <paramref name="dtype"/>.</summary>
    /// <param name="dtype">The number format.</param>
    /// <returns>4, 2, 2 or 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown format.</exception>
    public static int BytesPerElement(DType dtype) => dtype switch
    {
        DType.Float32 => 4,
        DType.Float16 or DType.BFloat16 => 2,
        DType.Int8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown number format."),
    };

    /// <summary>V × D.</summary>
    /// <param name="vocabSize">V, ≥ 0.</param>
    /// <param name="embeddingDim">D, ≥ 0.</param>
    /// <returns>The number of parameters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    /// <exception cref="OverflowException">The product does not fit in a long.</exception>
    public static long Parameters(long vocabSize, long embeddingDim)
    {
        if (vocabSize < 0)
        {
            ThrowHelper.Negative(nameof(vocabSize), vocabSize);
        }

        if (embeddingDim < 0)
        {
            ThrowHelper.Negative(nameof(embeddingDim), embeddingDim);
        }

        return checked(vocabSize * embeddingDim);
    }

    /// <summary>V × D × bytes per element.</summary>
    /// <param name="vocabSize">V, ≥ 0.</param>
    /// <param name="embeddingDim">D, ≥ 0.</param>
    /// <param name="dtype">The number format (default <see cref="DType.Float32"/>).</param>
    /// <returns>The table's size in bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative or the format unknown.</exception>
    /// <exception cref="OverflowException">The product does not fit in a long.</exception>
    public static long Bytes(long vocabSize, long embeddingDim, DType dtype = DType.Float32) =>
        checked(Parameters(vocabSize, embeddingDim) * BytesPerElement(dtype));

    /// <summary>Bytes in decimal SI units with three significant digits: "512 B", "1.00 kB", "2.47 GB".</summary>
    /// <param name="bytes">A size, ≥ 0.</param>
    /// <returns>The readable size.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    public static string HumanBytes(long bytes)
    {
        if (bytes < 0)
        {
            ThrowHelper.Negative(nameof(bytes), bytes);
        }

        if (bytes < 1000)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        string[] units = ["kB", "MB", "GB", "TB", "PB", "EB"];
        var value = (double)bytes;
        var unit = -1;
        // 999.7 kB would print as "1000 kB" at three digits, so a value that rounds to 1000 moves up a unit.
        while (value >= 999.5 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        // Pick the decimals from the rounded value, so 99.96 prints "100", not "100.0".
        var format = value >= 99.95 ? "0" : value >= 9.995 ? "0.0" : "0.00";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>A count with one decimal and a suffix: "1.5 k", "38.6 M", "617.6 M", "1.2 B".</summary>
    /// <param name="count">A count, ≥ 0.</param>
    /// <returns>The readable count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static string HumanCount(long count)
    {
        if (count < 0)
        {
            ThrowHelper.Negative(nameof(count), count);
        }

        if (count < 1000)
        {
            return count.ToString(CultureInfo.InvariantCulture);
        }

        string[] suffixes = ["k", "M", "B", "T"];
        var value = count / 1000.0;
        var unit = 0;
        // 999,960 is "1.0 M", not "1000.0 k": move up while the printed value would reach 1000.
        while (Math.Round(value, 1) >= 1000 && unit < suffixes.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + suffixes[unit];
    }
}
