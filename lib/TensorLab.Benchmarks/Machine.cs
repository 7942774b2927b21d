using System.Globalization;
using System.Runtime.InteropServices;

namespace TensorLab.Benchmarks;

/// <summary>What the figures were measured on: CPU, cores, runtime,
/// huge-page policy and how busy the machine was.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = ReadFirst("/proc/cpuinfo", line => line.StartsWith("model name", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var hugePages = ReadFirst("/sys/kernel/mm/transparent_hugepage/enabled", _ => true) ?? "n/a";
        return $"{cpu}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}, transparent huge pages: {hugePages}";
    }

    /// <summary>The 1-minute load average, or null off Linux: above the core count,
    /// other work shared the CPUs.</summary>
    public static double? LoadAverage()
    {
        var text = ReadFirst("/proc/loadavg", _ => true);
        return text is null ? null : double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>Megabytes of this process's memory on transparent huge pages (AnonHugePages),
    /// or null off Linux.</summary>
    public static long? HugePageMegabytes()
    {
        var line = ReadFirst("/proc/self/smaps_rollup", l => l.StartsWith("AnonHugePages:", StringComparison.Ordinal));
        return line is null
            ? null
            : long.Parse(
                line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                CultureInfo.InvariantCulture) / 1024;
    }

    private static string? ReadFirst(string path, Func<string, bool> predicate)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).FirstOrDefault(predicate) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
