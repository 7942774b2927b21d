using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Grading.Notebooks;

/// <summary>
/// nbgrader's cell checksum, so nbgrader-aware tools agree with ours: MD5 (hex) over the UTF-8 of the source, the
/// cell type, "True"/"False" for grade, solution and locked, the grade id, and for grade cells the points as
/// Python's <c>str(float(points))</c> prints them.
/// </summary>
internal static class CellChecksum
{
    /// <summary>
    /// The one tamper rule (used by <c>validate</c> and by autograde's sanitizing): a cell is as released when it still
    /// has nbgrader metadata and its checksum equals the released one. The checksum covers the source, the cell type,
    /// the grade/solution/locked flags, the grade id and the points, so a change to any of them counts.
    /// </summary>
    public static bool MatchesRelease(NotebookCell cell, string? releasedChecksum) =>
        releasedChecksum is not null && cell.Nbgrader is not null && Compute(cell) == releasedChecksum;

    public static string Compute(NotebookCell cell)
    {
        var nb = cell.Nbgrader ?? throw new ArgumentException("Only nbgrader cells have checksums.", nameof(cell));
        var text = new StringBuilder()
            .Append(cell.Source)
            .Append(cell.CellType)
            .Append(PythonBool(nb.Grade))
            .Append(PythonBool(nb.Solution))
            .Append(PythonBool(nb.Locked))
            .Append(nb.GradeId ?? "");
        if (nb.Grade)
        {
            text.Append(PythonFloat(nb.Points ?? 0));
        }

        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string PythonBool(bool value) => value ? "True" : "False";

    /// <summary>
    /// Python's <c>str(float)</c>: the shortest digits that round-trip (the same digits as .NET's "R"), positional with
    /// at least one decimal when the decimal exponent is in [-4, 16) (<c>15.0</c>, <c>0.0001</c>), scientific otherwise
    /// (<c>1e+16</c>, <c>1.5e-05</c>). .NET switches to scientific at other thresholds and spells it <c>1E+16</c>.
    /// </summary>
    public static string PythonFloat(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        var sign = value < 0 || (value == 0 && double.IsNegative(value)) ? "-" : "";
        if (value == 0)
        {
            return sign + "0.0";
        }

        var (digits, exponent) = ShortestDigits(Math.Abs(value));
        if (exponent is < -4 or >= 16)
        {
            var mantissa = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
            return $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }

        if (exponent < 0)
        {
            return $"{sign}0.{new string('0', -exponent - 1)}{digits}";
        }

        return digits.Length <= exponent + 1
            ? $"{sign}{digits}{new string('0', exponent + 1 - digits.Length)}.0"
            : $"{sign}{digits[..(exponent + 1)]}.{digits[(exponent + 1)..]}";
    }

    /// <summary>
    /// The significant digits of a positive number (no leading or trailing zeros) and its decimal exponent.
    /// </summary>
    private static (string Digits, int Exponent) ShortestDigits(double positive)
    {
        var text = positive.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        var mantissa = e < 0 ? text : text[..e];
        var power = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var integerDigits = point < 0 ? mantissa.Length : point;
        var all = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        return (all.Trim('0'), integerDigits - 1 - leadingZeros + power);
    }
}
