using System.CommandLine;
using Grading.Checking;
using Grading.Notebooks;

namespace Grading.Cli;

/// <summary><c>check [paths]</c>: lints notebooks and prints every problem with its place.</summary>
internal static class CheckCommand
{
    public static Command Create(Terminal terminal)
    {
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Notebooks or folders (default: the course's notebooks/).",
        };
        var command = new Command(
            "check",
            "Lint notebooks: nbformat, Polyglot and nbgrader metadata, unique grade ids, regions, points, " +
            "no outputs, and the solution passes the student code policy.");
        command.Arguments.Add(paths);
        command.SetAction(result =>
            Run(result.GetValue(paths) is { Length: > 0 } given ? given : [RepositoryPaths.Notebooks], terminal));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, Terminal terminal)
    {
        var notebooks = NotebookPaths.Expand(paths, out var missing);
        foreach (var path in missing)
        {
            terminal.Error.WriteLine($"{path}: no such file or folder.");
        }

        if (notebooks.Count == 0)
        {
            terminal.Error.WriteLine("No notebooks to check: give .ipynb files or folders that contain them.");
            return (int)ExitCode.InputError;
        }

        var (errors, warnings, unreadable) = (0, 0, 0);
        foreach (var path in notebooks)
        {
            var display = RepositoryPaths.Display(path);
            try
            {
                var notebook = Notebook.Load(path);
                var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
                var problems = NotebookLinter.Lint(notebook, display)
                    .Concat(SolutionPolicy.Check(notebook, display, directory));
                foreach (var problem in problems)
                {
                    (problem.Severity == Severity.Error ? terminal.Error : terminal.Out).WriteLine(problem);
                    errors += problem.Severity == Severity.Error ? 1 : 0;
                    warnings += problem.Severity == Severity.Warning ? 1 : 0;
                }
            }
            catch (NotebookFormatException e)
            {
                terminal.Error.WriteLine($"{e.Message}");
                unreadable++;
            }
        }

        terminal.Out.WriteLine(
            $"{notebooks.Count} notebook{(notebooks.Count == 1 ? "" : "s")} checked: " +
            $"{errors} error{(errors == 1 ? "" : "s")}, " +
            $"{warnings} warning{(warnings == 1 ? "" : "s")}" +
            $"{(unreadable > 0 ? $", {unreadable} unreadable" : "")}.");
        return (int)(unreadable > 0 || missing.Count > 0 ? ExitCode.InputError
            : errors > 0 ? ExitCode.ProblemsFound
            : ExitCode.Success);
    }
}
