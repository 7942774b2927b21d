using System.Globalization;

namespace TensorLab.Benchmarks;

/// <summary>How a row shows its two sides: a bandwidth over <see cref="RatioRow.Bytes"/>, or a time.</summary>
internal enum FigureKind
{
    Bandwidth,
    Milliseconds,
}

/// <summary>
/// One goal measured in every round: TensorLab's and the baseline's median seconds of each round, and their ratio
/// (baseline ÷ TensorLab, so above 1 is faster or closer to the roof).
/// A round's ratio pairs figures of that round only.
/// </summary>
internal sealed record RatioRow(string Name, string BaselineName, FigureKind Kind, long Bytes, double? Goal)
{
    public List<double> TensorLabSeconds { get; } = [];

    public List<double?> BaselineSeconds { get; } = [];

    public void Add(double tensorLab, double? baseline)
    {
        TensorLabSeconds.Add(tensorLab);
        BaselineSeconds.Add(baseline);
    }

    public double[] Ratios => TensorLabSeconds.Zip(BaselineSeconds)
        .Where(pair => pair.Second is not null).Select(pair => pair.Second!.Value / pair.First).ToArray();
}

/// <summary>Prints the rows as a fixed-width table: medians over rounds, the spread of the ratio,
/// one verdict per goal.</summary>
internal static class RatioTable
{
    public static void Print(IEnumerable<RatioRow> rows, TextWriter output)
    {
        output.WriteLine($"{"measurement",-42} {"TensorLab",-11} {"baseline",-20} {"ratio",6} " +
                         $"{"spread (min–max)",-17} {"goal",6}  verdict");
        output.WriteLine(new string('-', 124));
        foreach (var row in rows)
        {
            var ratios = row.Ratios;
            var median = ratios.Length > 0 ? Median(ratios) : (double?)null;
            var baselines = row.BaselineSeconds.OfType<double>().ToArray();
            var baseline = baselines.Length > 0
                ? $"{row.BaselineName} {Show(row, Median(baselines))}"
                : $"{row.BaselineName} n/a";
            var spread = ratios.Length > 0 ? $"{Text(ratios.Min())}–{Text(ratios.Max())}× ({ratios.Length})" : "";
            var goal = row.Goal is { } g ? "≥" + Text(g) + "×" : "—";
            output.WriteLine($"{row.Name,-42} {Show(row, Median([.. row.TensorLabSeconds])),-11} {baseline,-20} " +
                             $"{(median is { } m ? Text(m) + "×" : "n/a"),6} {spread,-17} {goal,6}  " +
                             $"{Verdict(row.Goal, ratios, median)}");
        }
    }

    private static string Verdict(double? goal, double[] ratios, double? median)
    {
        if (goal is not { } g)
        {
            return "(no goal)";
        }

        if (median is not { } m)
        {
            return "skipped";
        }

        var rounds = ratios.Count(r => r >= g);
        return (m >= g ? "met" : "MISSED") + $" ({rounds}/{ratios.Length} rounds)";
    }

    private static string Show(RatioRow row, double seconds) => row.Kind == FigureKind.Bandwidth
        ? (row.Bytes / seconds / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB/s"
        : (seconds * 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static string Text(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
