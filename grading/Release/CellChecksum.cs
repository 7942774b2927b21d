using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grading.Notebooks;

namespace Grading.Release;

/// <summary>
/// nbgrader's cell checksum, so nbgrader-aware tools agree with ours: MD5 (hex) over the UTF-8 of the source, the
/// cell type, "True"/"False" for grade, solution and locked, the grade id, and for grade cells the points as
/// Python's <c>str(float(points))</c> prints them.
/// </summary>
internal static class CellChecksum
{
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

    /// <summary>Python's repr of a float for the values points take: shortest round-trip digits, always with a ".0".</summary>
    public static string PythonFloat(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') || text.Contains("Infinity") || text == "NaN" ? text : text + ".0";
    }
}
