using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TensorLab.Benchmarks;

/// <summary>Median seconds NumPy takes for the same work, measured by numpy_baseline.py in a child process.</summary>
internal sealed record NumPyBaseline(
    string Version,
    IReadOnlyDictionary<int, double> LookupSeconds,
    double PositionalTableSeconds)
{
    /// <summary>Runs the baseline script, or returns null with the reason when NumPy cannot run here.</summary>
    public static NumPyBaseline? TryMeasure(BenchSizes sizes, out string? reason)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "numpy_baseline.py");
        var request = new JsonObject
        {
            ["seed"] = 7,
            ["vocab"] = sizes.VocabSize,
            ["dims"] = new JsonArray(sizes.Dimensions.Select(d => (JsonNode)d).ToArray()),
            ["tokens"] = sizes.Tokens,
            ["pe_length"] = sizes.PositionalLength,
            ["pe_dim"] = sizes.PositionalDim,
            ["warmup"] = sizes.Warmup,
            ["repeats"] = sizes.Repeats,
        };

        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(request.ToJsonString());
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                reason = stderr.Contains("No module named 'numpy'", StringComparison.Ordinal)
                    ? "python3-numpy is not installed (bench.sh installs it when run as root)"
                    : $"numpy_baseline.py exited with {process.ExitCode}: {stderr.Trim()}";
                return null;
            }

            var json = JsonNode.Parse(stdout)!.AsObject();
            var lookups = json["lookup"]!.AsObject().ToDictionary(
                p => int.Parse(p.Key),
                p => p.Value!.GetValue<double>());
            reason = null;
            return new NumPyBaseline(json["numpy"]!.GetValue<string>(), lookups, json["pe_build"]!.GetValue<double>());
        }
        catch (Exception e)
            when (e is System.ComponentModel.Win32Exception or JsonException or InvalidOperationException)
        {
            reason = $"could not run /usr/bin/python3: {e.Message}";
            return null;
        }
    }
}
