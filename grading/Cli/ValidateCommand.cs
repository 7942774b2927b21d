using System.CommandLine;
using System.Text.Json.Nodes;
using Grading.Execution;
using Grading.Notebooks;
using Grading.Release;
using Grading.Release.Steps;
using NotebookEngine;
using Spectre.Console;

namespace Grading.Cli;

/// <summary><c>validate &lt;nb&gt;</c>: a student's self-check: run the notebook and report every visible test cell.</summary>
internal static class ValidateCommand
{
    public static Command Create(Terminal terminal)
    {
        var notebook = new Argument<string>("notebook") { Description = "Your notebook." };
        var command = new Command("validate", "Run your notebook and list each test cell with ✓/✗, its points and what failed.");
        command.Arguments.Add(notebook);
        command.SetAction((result, token) => RunAsync(result.GetValue(notebook)!, terminal, token));
        return command;
    }

    private static async Task<int> RunAsync(string path, Terminal terminal, CancellationToken token)
    {
        if (NotebookArgument.TryLoad(path, terminal) is not { } notebook)
        {
            return (int)ExitCode.InputError;
        }

        var warnings = Warnings(notebook).ToList();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var refused = StudentPolicy.Refusals(notebook, directory, terminal);
        var executed = await NotebookRunner.RunAsync(notebook, directory, TimeSpan.FromSeconds(30), cancellationToken: token, refused: refused);
        var table = new Table().AddColumns("", "test cell", "points", "message");
        var (earned, possible, failedTests) = (0.0, 0.0, 0);
        foreach (var cell in executed.Where(c => c.Cell.Nbgrader is { IsAutogradedTest: true }))
        {
            var points = cell.Cell.Nbgrader!.Points ?? 0;
            var passed = cell.Result.Status == CellStatus.Succeeded;
            // A test cell may end with a number: the points it awards (partial credit, docs/grading-model.md §4).
            var score = !passed ? 0 : cell.Result.NumericReturnValue is { } awarded ? Math.Clamp(awarded, 0, points) : points;
            possible += points;
            earned += score;
            failedTests += passed ? 0 : 1;
            table.AddRow(passed ? "[green]✓[/]" : "[red]✗[/]", Markup.Escape(cell.Cell.GradeId ?? $"cell {cell.Index}"),
                $"{score}/{points}", Markup.Escape(passed ? "" : FailureReasons.For(cell.Result)));
        }

        terminal.Console.Write(table);
        foreach (var warning in warnings)
        {
            terminal.Error.WriteLine($"warning: {warning}");
        }

        // Name every failing non-test cell, so "fix those first" says which ones.
        var otherFailures = executed.Where(c => c.Result.Status != CellStatus.Succeeded && c.Cell.Nbgrader is not { IsAutogradedTest: true })
            .Select(c => $"{c.Cell.GradeId ?? $"cell {c.Index}"} ({FirstLine(FailureReasons.For(c.Result))})").ToList();
        terminal.Out.WriteLine($"Visible tests: {earned}/{possible} points; {failedTests} test cell(s) failing" +
                               (otherFailures.Count > 0 ? $"; {otherFailures.Count} other cell(s) failed — fix those first, later cells may depend on them: " +
                                                          string.Join("; ", otherFailures) : "."));
        return (int)(failedTests > 0 || warnings.Count > 0 || refused.Count > 0 ? ExitCode.ProblemsFound : ExitCode.Success);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static IEnumerable<string> Warnings(Notebook notebook)
    {
        foreach (var cell in notebook.Cells.Where(c => c.Nbgrader is { Locked: true, Checksum: not null }))
        {
            if (CellChecksum.Compute(cell) != cell.Nbgrader!.Checksum)
            {
                yield return $"the locked cell '{cell.GradeId}' was modified: the grader will restore the original.";
            }
        }

        var present = notebook.Cells.Select(c => c.GradeId).ToHashSet();
        if (notebook.Metadata[RecordGradedCells.MetadataKey]?["graded_cells"] is JsonArray graded)
        {
            foreach (var id in graded.Select(g => g?["grade_id"]?.GetValue<string>()).Where(id => id is not null && !present.Contains(id)))
            {
                yield return $"the graded cell '{id}' is missing: the grader will put it back, but your answer in it is lost.";
            }
        }
    }
}
