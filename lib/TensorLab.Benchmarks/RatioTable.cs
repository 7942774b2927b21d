using System.Globalization;

namespace TensorLab.Benchmarks;

/// <summary>One measured ratio with its goal; printed as a row of the bench table.</summary>
internal sealed record Ratio(string Name, string Measured, string Baseline, double? Value, double? Goal)
{
    public bool? Met => Value is { } v && Goal is { } goal ? v >= goal : null;
}

/// <summary>Prints the ratios as a fixed-width table, one verdict per goal.</summary>
internal static class RatioTable
{
    public static void Print(IEnumerable<Ratio> rows, TextWriter output)
    {
        var format = CultureInfo.InvariantCulture;
        output.WriteLine($"{"measurement",-34} {"TensorLab",-16} {"baseline",-26} {"ratio",7} {"goal",7}  verdict");
        output.WriteLine(new string('-', 104));
        foreach (var row in rows)
        {
            var ratio = row.Value is { } v ? v.ToString("0.00", format) + "×" : "n/a";
            var verdict = row.Met switch { true => "met", false => "MISSED", null => row.Goal is null ? "(no goal)" : "skipped" };
            var goal = row.Goal is { } g ? "≥" + g.ToString("0.0#", format) + "×" : "—";
            output.WriteLine($"{row.Name,-34} {row.Measured,-16} {row.Baseline,-26} {ratio,7} {goal,7}  {verdict}");
        }
    }
}
