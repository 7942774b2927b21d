using System.CommandLine;
using System.Globalization;
using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Release;
using Spectre.Console;

namespace Grading.Cli;

/// <summary><c>release [--source DIR] [--out DIR]</c>: the student version of the course.</summary>
internal static class ReleaseCommand
{
    public static Command Create(Terminal terminal)
    {
        var source = new Option<string>("--source")
        {
            Description = "Instructor notebooks.",
            DefaultValueFactory = _ => RepositoryPaths.Notebooks,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The student folder to write.",
            DefaultValueFactory = _ => RepositoryPaths.Release,
        };
        var command = new Command(
            "release",
            "Write the student release: solutions → stubs, hidden tests and mark schemes removed, " +
            "outputs cleared, cells locked, checksums.");
        command.Options.Add(source);
        command.Options.Add(output);
        command.SetAction(result => Run(result.GetValue(source)!, result.GetValue(output)!, terminal));
        return command;
    }

    private static int Run(string source, string output, Terminal terminal)
    {
        var sources = NotebookPaths.Expand([source], out var missing);
        if (missing.Count > 0 || sources.Count == 0)
        {
            terminal.Error.WriteLine(
                $"{source}: no notebooks found. Give the folder of instructor notebooks with --source.");
            return (int)ExitCode.InputError;
        }

        var (released, problems) = StudentFolder.Write(RepositoryPaths.Root, sources, output);
        if (problems.Count > 0)
        {
            problems.ToList().ForEach(problem => terminal.Error.WriteLine(problem));
            terminal.Error.WriteLine(
                $"Nothing released: fix the {problems.Count} error(s) above (`check` lists them too).");
            return (int)ExitCode.ProblemsFound;
        }

        // The name never wraps: a file name broken over three lines is harder to read than narrower count columns.
        var table = new Table().AddColumn(new TableColumn("notebook").NoWrap())
            .AddColumns("cells", "graded", "points", "stubs", "hidden tests", "mark schemes")
            .Caption(
                "graded: test, manual and task cells; stubs: solutions replaced; " +
                "last two: cells they were removed from");
        foreach (var notebook in released)
        {
            table.AddRow(
                notebook.Name,
                $"{notebook.Cells}",
                Count(notebook, ReleaseCount.GradedCells),
                notebook.Points.ToString(CultureInfo.InvariantCulture),
                Count(notebook, ReleaseCount.Stubs),
                Count(notebook, ReleaseCount.HiddenTests),
                Count(notebook, ReleaseCount.MarkSchemes));
        }

        terminal.Console.Write(table);
        terminal.Out.WriteLine($"Released {released.Count} notebook(s) to {RepositoryPaths.Display(output)}.");
        return (int)ExitCode.Success;
    }

    private static string Count(ReleasedNotebook notebook, ReleaseCount key) =>
        $"{notebook.Counts.GetValueOrDefault(key)}";
}
