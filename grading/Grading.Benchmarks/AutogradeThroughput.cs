using System.Diagnostics;
using System.Text.Json.Nodes;
using Grading.Autograde;
using Grading.Cli;
using Grading.Isolation;
using Grading.Notebooks;

namespace Grading.Benchmarks;

/// <summary>
/// Grading 40 copies of a 30-cell notebook with one and with two workers at a time, and the cost per submission beyond
/// the engine's own run (the same notebook through <c>grader run</c>, also a fresh process).
/// </summary>
internal static class AutogradeThroughput
{
    public static async Task RunAsync(int copies)
    {
        var root = Directory.CreateTempSubdirectory("grader-bench-").FullName;
        var source = Path.Combine(root, "source", "bench.ipynb");
        WriteNotebook(source, cells: 30);
        for (var i = 0; i < copies; i++)
        {
            Directory.CreateDirectory(Path.Combine(root, "class", $"student{i:000}"));
            File.Copy(source, Path.Combine(root, "class", $"student{i:000}", "bench.ipynb"));
        }

        var engineAlone = await EngineAloneAsync(source);
        var one = await GradeAsync(root, jobs: 1);
        var two = await GradeAsync(root, jobs: 2);
        var perSubmission = one.TotalSeconds / copies;
        Console.WriteLine($"{copies} submissions × 30 cells: --jobs 1 {one.TotalSeconds:0.0} s, --jobs 2 {two.TotalSeconds:0.0} s, " +
                          $"speed-up {one / two:0.00}× (goal ≥ 1.7×: {(one / two >= 1.7 ? "met" : "MISSED")}).");
        Console.WriteLine($"Per submission at --jobs 1: {perSubmission:0.00} s; the engine alone (`grader run` of the notebook in a fresh process): " +
                          $"{engineAlone.TotalSeconds:0.00} s; overhead {perSubmission - engineAlone.TotalSeconds:0.00} s (goal ≤ 0.5 s: {(perSubmission - engineAlone.TotalSeconds <= 0.5 ? "met" : "MISSED")}).");
        Directory.Delete(root, recursive: true);
    }

    /// <summary>Where a worker's time goes for one submission: process start, session start, the cells.</summary>
    public static async Task BreakdownAsync()
    {
        var root = Directory.CreateTempSubdirectory("grader-bench-").FullName;
        var source = Path.Combine(root, "bench.ipynb");
        WriteNotebook(source, cells: 30);
        var notebook = Notebook.Load(source);
        var cells = notebook.Cells.Select((c, i) => (i, c.Source)).ToList();
        using var scratch = WorkerScratch.Create(null);
        var run = await new WorkerClient(WorkerLimits.Default, BubblewrapProbe.WhyUnavailable is null).RunAsync(scratch, cells, CancellationToken.None);
        var cellTime = run.Cells.Sum(c => c.Elapsed.TotalSeconds);
        Console.WriteLine($"One worker ({run.Sandbox}): {run.Total.TotalSeconds:0.00} s = process + runtime + session start {run.StartUp.TotalSeconds:0.00} s, " +
                          $"cells (compile + execute) {cellTime:0.00} s, protocol and exit {(run.Total - run.StartUp).TotalSeconds - cellTime:0.00} s.");
        Directory.Delete(root, recursive: true);
    }

    private static async Task<TimeSpan> GradeAsync(string root, int jobs)
    {
        var options = new GradingOptions(Submissions: Path.Combine(root, "class"), Source: Path.Combine(root, "source"), Output: Path.Combine(root, $"graded-{jobs}"),
            Jobs: jobs, Limits: WorkerLimits.Default, Sandbox: SandboxMode.Auto, Shard: (1, 1), Due: null, Late: LatePolicy.None, Force: true, Formats: [], LibraryDll: null);
        var clock = Stopwatch.StartNew();
        var sources = new[] { AssignmentSource.Load(Path.Combine(root, "source", "bench.ipynb")) };
        var gradebook = await new ClassGrader(options, BubblewrapProbe.WhyUnavailable is null).GradeAsync(sources, _ => { }, CancellationToken.None);
        if (gradebook.Notebooks.Any(n => n.Score < n.MaxScore))
        {
            throw new InvalidOperationException("A bench submission lost points: the bench notebook is wrong.");
        }

        return clock.Elapsed;
    }

    private static async Task<TimeSpan> EngineAloneAsync(string notebook)
    {
        var grader = Path.Combine(AppContext.BaseDirectory, "grader.dll");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("dotnet", [grader, "run", notebook, "-o", notebook + ".out.ipynb"]) { RedirectStandardOutput = true })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return clock.Elapsed;
    }

    /// <summary>A source notebook of <paramref name="cells"/> code cells: answer/test pairs with 1 point each.</summary>
    private static void WriteNotebook(string path, int cells)
    {
        var list = new JsonArray();
        for (var i = 0; i < cells / 2; i++)
        {
            list.Add(Cell($"static int F{i}(int x) => x * {i} + 1;", new JsonObject { ["grade"] = false, ["solution"] = true, ["locked"] = false, ["grade_id"] = $"answer{i}", ["schema_version"] = 3 }));
            list.Add(Cell($"if (F{i}(2) != {2 * i + 1}) throw new Exception(\"F{i}(2) is wrong\");\nvar check{i} = Enumerable.Range(0, 100).Select(F{i}).Sum();",
                new JsonObject { ["grade"] = true, ["solution"] = false, ["locked"] = true, ["grade_id"] = $"tests{i}", ["points"] = 1, ["schema_version"] = 3 }));
        }

        var notebook = new JsonObject
        {
            ["cells"] = list,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, notebook.ToJsonString());
    }

    private static JsonObject Cell(string source, JsonObject nbgrader) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject { ["nbgrader"] = nbgrader },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };
}
