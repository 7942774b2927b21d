using Grading.Notebooks;
using NotebookEngine;

namespace Grading.Running.Execution;

/// <summary>One executed code cell: where it is, and what the engine reported.</summary>
internal sealed record ExecutedCell(int Index, NotebookCell Cell, CellResult Result);

/// <summary>
/// Runs a notebook's code cells in order in one engine session (like "Restart and Run All"), writes outputs and
/// execution counts 1…n back into the cells, and reports each cell as it finishes.
/// </summary>
internal static class NotebookRunner
{
    /// <remarks><paramref name="refused"/> lists cells not to run, with the result to report instead (a code-policy
    /// refusal).</remarks>
    public static async Task<IReadOnlyList<ExecutedCell>> RunAsync(
        Notebook notebook,
        string workingDirectory,
        TimeSpan cellTimeout,
        Action<ExecutedCell>? onCell = null,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<int, CellResult>? refused = null)
    {
        if (notebook.Cells.Any(cell => cell.IsCode && cell.Source.Contains("TensorLab.dll", StringComparison.Ordinal)))
        {
            LibraryBuild.EnsureBuilt(workingDirectory);
        }

        var options = new SessionOptions { WorkingDirectory = workingDirectory, CellTimeout = cellTimeout };
        await using var session = await NotebookSession.StartAsync(options, cancellationToken);
        var executed = new List<ExecutedCell>();
        var count = 0;
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (!cell.IsCode)
            {
                continue;
            }

            var result = refused?.GetValueOrDefault(index)
                ?? await session.ExecuteAsync(cell.Source, cancellationToken);
            cell.Json["outputs"] = CellOutputJson.ToJson(result.Outputs);
            cell.Json["execution_count"] = ++count;
            var done = new ExecutedCell(index, cell, result);
            executed.Add(done);
            onCell?.Invoke(done);
        }

        return executed;
    }

    /// <summary>The first line of a failure, for one-line summaries.</summary>
    public static string Summary(CellResult result) =>
        result.Failure?.Message.Split('\n')[0].Trim() ?? "";
}
