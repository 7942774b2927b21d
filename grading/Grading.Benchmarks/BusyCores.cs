using System.Globalization;

namespace Grading.Benchmarks;

/// <summary>
/// The machine's CPU time so far, from /proc/stat: two samples give how many cores were busy in between. A run that
/// already keeps more than one core busy at <c>--jobs 1</c> (Roslyn's parallel compile, the runtime's own threads)
/// leaves <c>--jobs 2</c> only the rest of the second core to gain.
/// </summary>
internal readonly record struct BusyCores(long Busy, long Total)
{
    /// <summary>Now, or null off Linux.</summary>
    public static BusyCores? Sample()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        // cpu  user nice system idle iowait irq softirq steal …: idle and iowait are the time no work ran.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return new BusyCores(total - fields[3] - fields[4], total);
    }

    /// <summary>The average number of busy cores from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static double? Between(BusyCores? from, BusyCores? to) =>
        from is { } a && to is { } b && b.Total > a.Total
            ? (double)(b.Busy - a.Busy) / (b.Total - a.Total) * Environment.ProcessorCount
            : null;
}
