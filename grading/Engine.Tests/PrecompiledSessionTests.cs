using NotebookEngine;
using NotebookEngine.Analysis;

namespace Engine.Tests;

/// <summary>
/// A session that runs cells compiled on a <see cref="ScriptChain"/> behaves as one that compiles them: the same
/// statuses, outputs and state from cell to cell.
/// </summary>
public sealed class PrecompiledSessionTests
{
    private static readonly string[] Notebook =
    [
        "var xs = new[] { 3, 1, 2 };\nConsole.WriteLine(xs.Sum());",
        "record Point(int X, int Y);\nint Twice(int v) => 2 * v;",
        "new Point(Twice(xs[0]), 4)",
        "display(\"<b>shown</b>\");\nConsole.Error.Write(\"careful\");",
        "xs[0] = 10;\nthrow new InvalidOperationException(\"boom\");",
        "#!time\nxs.Max()",
        "#!markdown\n# A heading",
        "string? nothing = null;\nnothing",
        "await Task.Delay(1);\nxs.Length * 1.5",
    ];

    [Fact]
    public async Task PrecompiledCells_ProduceWhatCompilingCellsProduce()
    {
        var folder = Directory.CreateTempSubdirectory("precompiled-").FullName;
        var compiling = await RunCompilingAsync(folder, Notebook);
        var precompiled = await RunPrecompiledAsync(folder, Notebook);

        Assert.Equal(compiling.Select(r => r.Status), precompiled.Select(r => r.Status));
        Assert.Equal(compiling.Select(Shown), precompiled.Select(Shown));
        Assert.Equal(CellStatus.RuntimeError, precompiled[4].Status);
        Assert.Contains("boom", precompiled[4].Error().EValue, StringComparison.Ordinal);
        // The cell threw after its assignment: what it did is kept, as in a compiling session.
        Assert.Equal(10, precompiled[5].ReturnValue);
        Assert.Equal(4.5, precompiled[8].NumericReturnValue);
    }

    [Fact]
    public async Task CompileErrors_AreReportedAsTheSessionReportsThem()
    {
        var folder = Directory.CreateTempSubdirectory("precompiled-").FullName;
        string[] cells = ["int a = 1;", "a + undefinedName"];
        var compiling = await RunCompilingAsync(folder, cells);
        var precompiled = await RunPrecompiledAsync(folder, cells);

        Assert.Equal(CellStatus.CompilationError, precompiled[1].Status);
        Assert.Equal(compiling[1].Error().EValue, precompiled[1].Error().EValue);
        Assert.Equal(compiling[1].Failure, precompiled[1].Failure);
    }

    [Fact]
    public async Task ALibraryNamedByPath_LoadsFromThatPath()
    {
        var folder = Directory.CreateTempSubdirectory("precompiled-").FullName;
        string[] cells =
        [
            $"#r \"{TensorLabLibrary.DllPath}\"\nusing TensorLab;",
            "typeof(Embedding).Assembly.GetName().Name",
        ];
        var precompiled = await RunPrecompiledAsync(folder, cells);

        Assert.All(precompiled, r => Assert.Equal(CellStatus.Succeeded, r.Status));
        Assert.Equal("TensorLab", precompiled[1].ReturnValue);
    }

    [Fact]
    public async Task ACellWhosePackagesFailPartway_KeepsThoseBeforeTheFailure_AsTheCompilingSessionDoes()
    {
        // The review compiles on a chain and the worker runs what it compiled: the chain must hold the packages the
        // session holds, or a later cell that uses one is refused as not compiling while it runs under `run`.
        var folder = Directory.CreateTempSubdirectory("precompiled-").FullName;
        string[] cells =
        [
            "#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n#r \"nuget: Humanizer, 2.14.1\"",
            "typeof(Plotly.NET.CSharp.Chart).Assembly.GetName().Name",
        ];
        var compiling = await RunCompilingAsync(folder, cells);
        var precompiled = await RunPrecompiledAsync(folder, cells);

        Assert.Equal([CellStatus.DirectiveError, CellStatus.Succeeded], compiling.Select(r => r.Status));
        Assert.Equal(compiling.Select(Shown), precompiled.Select(Shown));
        Assert.Equal("Plotly.NET.CSharp", precompiled[1].ReturnValue);
    }

    [Fact]
    public async Task TimedOutCell_IsNotKept()
    {
        var folder = Directory.CreateTempSubdirectory("precompiled-").FullName;
        var options = new SessionOptions { WorkingDirectory = folder, CellTimeout = TimeSpan.FromSeconds(1) };
        var chain = ScriptChain.Start(folder);
        await using var session = await NotebookSession.StartPrecompiledAsync(options, chain.EmitKernelHelpers());
        var first = chain.Compile("int n = 1;");
        chain.Append(first);
        await session.ExecuteAsync("int n = 1;", first.Emit());
        // Compiled on the chain but never kept: the cell times out, so the next cell is compiled without it.
        var slow = chain.Compile("n = 2; while (true) { }");
        var timedOut = await session.ExecuteAsync("n = 2; while (true) { }", slow.Emit());
        var next = chain.Compile("n");
        chain.Append(next);
        var after = await session.ExecuteAsync("n", next.Emit());

        Assert.Equal(CellStatus.TimedOut, timedOut.Status);
        Assert.Equal(CellStatus.Succeeded, after.Status);
    }

    [Fact]
    public async Task SessionKinds_RefuseTheOtherKindsCells()
    {
        var folder = Directory.CreateTempSubdirectory("precompiled-").FullName;
        var chain = ScriptChain.Start(folder);
        await using var precompiled = await NotebookSession.StartPrecompiledAsync(
            new SessionOptions { WorkingDirectory = folder },
            chain.EmitKernelHelpers());
        await using var compiling = await NotebookSession.StartAsync(new SessionOptions { WorkingDirectory = folder });

        var source = await Assert.ThrowsAsync<InvalidOperationException>(() => precompiled.ExecuteAsync("1"));
        Assert.Contains("compiled form", source.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => compiling.ExecuteAsync("1", compiled: null));
    }

    private static string Shown(CellResult result) => string.Join(
        " | ",
        result.Outputs.Select(output => output switch
        {
            StreamOutput stream => $"{stream.Name}: {stream.Text}",
            DisplayDataOutput display => string.Join(
                ", ",
                display.Data.Where(p => !p.Value.StartsWith("Wall time", StringComparison.Ordinal))
                    .Select(p => $"{p.Key}={p.Value}")),
            ErrorOutput error => "error: " + error.EValue.Split('\n')[0],
            _ => output.ToString(),
        }));

    private static async Task<IReadOnlyList<CellResult>> RunCompilingAsync(string folder, string[] cells) =>
        await Cells.RunInAsync(new SessionOptions { WorkingDirectory = folder }, cells);

    private static async Task<IReadOnlyList<CellResult>> RunPrecompiledAsync(string folder, string[] cells)
    {
        var chain = ScriptChain.Start(folder);
        await using var session = await NotebookSession.StartPrecompiledAsync(
            new SessionOptions { WorkingDirectory = folder },
            chain.EmitKernelHelpers());
        var results = new List<CellResult>();
        foreach (var cell in cells)
        {
            var compiled = chain.Compile(cell);
            chain.Append(compiled);
            results.Add(await session.ExecuteAsync(cell, compiled.Emit()));
        }

        return results;
    }
}
