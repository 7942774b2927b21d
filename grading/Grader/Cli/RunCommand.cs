using System.CommandLine;
using Grading.Notebooks;
using Grading.Running.Execution;
using NotebookEngine;
using Spectre.Console;

namespace Grading.Cli;

/// <summary><c>run &lt;nb&gt; [-o out.ipynb] [--allow-errors]</c>: executes headlessly and writes outputs back, like
/// nbconvert --execute.</summary>
internal static class RunCommand
{
    public static Command Create(Terminal terminal)
    {
        var notebook = new Argument<string>("notebook") { Description = "The .ipynb to execute." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write the executed notebook (default: <name>.executed.ipynb beside it).",
        };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Exit with 0 even when cells fail." };
        var timeout = LimitOptions.CellTimeout();
        var command = new Command("run", "Execute a notebook headlessly and write its outputs (execution counts 1…n).");
        command.Arguments.Add(notebook);
        command.Options.Add(output);
        command.Options.Add(allowErrors);
        command.Options.Add(timeout);
        command.SetAction((result, token) => RunAsync(
            result.GetValue(notebook)!,
            result.GetValue(output),
            result.GetValue(allowErrors),
            TimeSpan.FromSeconds(result.GetValue(timeout)),
            terminal,
            token));
        return command;
    }

    private static async Task<int> RunAsync(
        string path,
        string? output,
        bool allowErrors,
        TimeSpan timeout,
        Terminal terminal,
        CancellationToken token)
    {
        var notebook = NotebookArgument.Load(path);

        // Resolved now: the engine runs with the notebook's folder as the current directory.
        var target = Path.GetFullPath(output ?? Path.ChangeExtension(path, ".executed.ipynb"));
        var table = new Table().AddColumns("cell", "status", "time", "outputs", "message");
        var executed = await NotebookRunner.RunAsync(
            notebook,
            Path.GetDirectoryName(Path.GetFullPath(path))!,
            timeout,
            cell => table.AddRow(
                $"{cell.Index}",
                Status(cell.Result.Status),
                $"{cell.Result.Elapsed.TotalMilliseconds:0} ms",
                $"{cell.Result.Outputs.Count}",
                Markup.Escape(NotebookRunner.Summary(cell.Result))),
            token);
        notebook.Save(target);
        terminal.Console.Write(table);
        var failed = executed.Count(c => c.Result.Status != CellStatus.Succeeded);
        terminal.Out.WriteLine(
            $"{executed.Count} code cells run, {failed} failed; wrote {RepositoryPaths.Display(target)}.");
        return (int)(failed > 0 && !allowErrors ? ExitCode.ProblemsFound : ExitCode.Success);
    }

    private static string Status(CellStatus status) =>
        status == CellStatus.Succeeded ? "[green]ok[/]" : $"[red]{status}[/]";
}
