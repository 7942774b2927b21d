using System.Runtime.InteropServices;

namespace Grading.Benchmarks;

/// <summary>
/// The machine a bench ran on, printed with its figures: ratios from a loaded 2-core VM mean something else.
/// </summary>
internal static class Machine
{
    /// <summary>
    /// One line: CPU model, cores, OS, .NET version, whether the grader is ReadyToRun, and the load average now.
    /// </summary>
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1]
                .Trim()
            : null;
        return $"Machine: {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, " +
               $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
               $"grader {(IsReadyToRun() ? "ReadyToRun" : "IL only (JIT)")}; " +
               $"load average {LoadAverage()}.";
    }

    /// <summary>The 1, 5 and 15 minute load averages, or "unknown" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
            : "unknown";

    // A ReadyToRun image carries a managed native header; IL-only assemblies do not. Roslyn's is the one that matters.
    private static bool IsReadyToRun()
    {
        var roslyn = Path.Combine(AppContext.BaseDirectory, "Microsoft.CodeAnalysis.CSharp.dll");
        using var stream = File.OpenRead(roslyn);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }
}
