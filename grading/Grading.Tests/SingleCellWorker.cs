using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>Runs one cell in a real worker under the default limits, for tests that look at the worker from
/// inside.</summary>
internal static class SingleCellWorker
{
    /// <summary>The cell's report, after asserting that the worker lived and the cell succeeded.</summary>
    public static async Task<WorkerCellReport> RunAsync(string source, bool sandboxed)
    {
        using var scratch = WorkerScratch.Create(null);
        var run = await new WorkerClient(WorkerLimits.Default, sandboxed)
            .RunAsync(scratch, [(0, source)], CancellationToken.None);
        Assert.Null(run.Death);
        var cell = Assert.Single(run.Cells);
        Assert.Equal(WorkerCellStatus.Succeeded, cell.Status);
        return cell;
    }

    /// <summary>What the cell printed, and the message of an error it raised.</summary>
    public static string Printed(WorkerCellReport cell) =>
        string.Concat(cell.Outputs
            .Select(o =>
                o?["text"] is System.Text.Json.Nodes.JsonArray lines
                    ? string.Concat(lines.Select(l => l!.GetValue<string>()))
                    : o?["text"]?.ToString() ?? o?["evalue"]?.ToString() ?? ""));
}
