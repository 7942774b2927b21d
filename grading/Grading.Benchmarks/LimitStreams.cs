using System.Diagnostics;
using System.Globalization;
using Grading.Notebooks;

namespace Grading.Benchmarks;

/// <summary>
/// The no-isolation limit in fresh processes of this bench, each with its own warm engine: one process running every
/// copy, or two sharing them and starting together. Two against one shows what a second core gives this very work on
/// this machine, with no worker, sandbox or review in it, and with no grading done before in the same process.
/// </summary>
internal sealed class LimitStreams : IDisposable
{
    /// <summary>The hidden argument that makes this bench a stream (see <see cref="ServeAsync"/>).</summary>
    public const string StreamArgument = "--limit-stream";

    private const string Ready = "ready";
    private readonly List<Process> streams;

    private LimitStreams(List<Process> streams) => this.streams = streams;

    /// <summary>Starts <paramref name="count"/> streams for <paramref name="copies"/> of <paramref name="notebook"/>
    /// between them and waits until every engine is warm, so the timed part holds no start-up or JIT.</summary>
    public static async Task<LimitStreams> StartAsync(string notebook, int copies, int count)
    {
        var bench = Path.Combine(AppContext.BaseDirectory, "Grading.Benchmarks.dll");
        var streams = new List<Process>();
        foreach (var share in Enumerable.Range(0, count).Select(i => copies / count + (i < copies % count ? 1 : 0)))
        {
            var start = new ProcessStartInfo(
                "dotnet",
                [bench, StreamArgument, notebook, Invariant(share)])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
            };
            streams.Add(Process.Start(start) ?? throw new InvalidOperationException("Could not start a limit stream."));
        }

        var limit = new LimitStreams(streams);
        foreach (var stream in streams)
        {
            var line = await stream.StandardOutput.ReadLineAsync();
            if (line != Ready)
            {
                limit.Dispose();
                throw new InvalidOperationException($"A limit stream did not warm up (it said '{line}').");
            }
        }

        return limit;
    }

    /// <summary>Lets every stream go at once; the time until the last has run all its copies.</summary>
    public async Task<TimeSpan> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        foreach (var stream in streams)
        {
            await stream.StandardInput.WriteLineAsync("go");
            await stream.StandardInput.FlushAsync();
        }

        await Task.WhenAll(streams.Select(s => s.WaitForExitAsync()));
        var elapsed = clock.Elapsed;
        return streams.All(s => s.ExitCode == 0)
            ? elapsed
            : throw new InvalidOperationException("A limit stream failed: run the bench alone to see its error.");
    }

    /// <summary>Stops any stream still running.</summary>
    public void Dispose()
    {
        foreach (var stream in streams)
        {
            if (!stream.HasExited)
            {
                stream.Kill();
            }

            stream.Dispose();
        }
    }

    /// <summary>One stream (this process): warm the engine until tiered compilation has settled, as the bench process
    /// does before its first (a), say so, wait for the go, run <paramref name="copies"/> notebooks back to
    /// back.</summary>
    public static async Task ServeAsync(string notebook, int copies)
    {
        var cells = Notebook.Load(notebook).Cells.Select(c => c.Source).ToList();
        await AutogradeThroughput.WarmUpAsync(cells);
        Console.WriteLine(Ready);
        _ = await Console.In.ReadLineAsync();
        await AutogradeThroughput.InProcessAsync(cells, copies);
    }

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}
