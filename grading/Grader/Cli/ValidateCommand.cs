using System.CommandLine;
using System.Text.Json.Nodes;
using Grading.Autograde;
using Grading.Gradebook;
using Grading.Notebooks;
using Grading.Release.Steps;
using Grading.Running.Execution;
using NotebookEngine;
using Spectre.Console;

namespace Grading.Cli;

/// <summary><c>validate &lt;nb&gt;</c>: a student's self-check: run the notebook and report every visible test
/// cell.</summary>
internal static class ValidateCommand
{
    public static Command Create(Terminal terminal)
    {
        var notebook = new Argument<string>("notebook") { Description = "Your notebook." };
        var timeout = LimitOptions.CellTimeout();
        var command = new Command(
            "validate",
            "Run your notebook and list each test cell with ✓/✗, its points and what failed.");
        command.Arguments.Add(notebook);
        command.Options.Add(timeout);
        command.SetAction((result, token) =>
            RunAsync(result.GetValue(notebook)!, TimeSpan.FromSeconds(result.GetValue(timeout)), terminal, token));
        return command;
    }

    private static async Task<int> RunAsync(string path, TimeSpan timeout, Terminal terminal, CancellationToken token)
    {
        var notebook = NotebookArgument.Load(path);

        var warnings = Warnings(notebook).ToList();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var refused = StudentPolicy.Refusals(notebook, directory, terminal);
        var executed = await NotebookRunner.RunAsync(
            notebook,
            directory,
            timeout,
            cancellationToken: token,
            refused: refused);
        var table = new Table().AddColumns("", "test cell", "points", "message");
        var (earned, possible, failedTests) = (0.0, 0.0, 0);
        foreach (var test in ScoreTests(executed))
        {
            var (score, status, reason) = test.Score;
            possible += test.Points;
            earned += score;
            failedTests += status == GradeStatus.Failed ? 1 : 0;
            table.AddRow(
                status == GradeStatus.Failed ? "[red]✗[/]" : "[green]✓[/]",
                Markup.Escape(test.Name),
                $"{score}/{test.Points}",
                Markup.Escape(reason ?? ""));
        }

        terminal.Console.Write(table);
        foreach (var warning in warnings)
        {
            terminal.Error.WriteLine($"warning: {warning}");
        }

        // Name every failing non-test cell, so "fix those first" says which ones.
        var otherFailures = executed
            .Where(c => c.Result.Status != CellStatus.Succeeded && c.Cell.Kind() != CellKind.Tests)
            .Select(c => $"{c.Cell.GradeId ?? $"cell {c.Index}"} ({FirstLine(FailureReasons.For(c.Result))})")
            .ToList();
        terminal.Out.WriteLine(
            $"Visible tests: {earned}/{possible} points; {failedTests} test cell(s) failing"
            + (otherFailures.Count > 0
                ? $"; {otherFailures.Count} other cell(s) failed — fix those first, later cells may depend on them: "
                  + string.Join("; ", otherFailures)
                : "."));
        return (int)(failedTests > 0 || warnings.Count > 0 || refused.Count > 0
            ? ExitCode.ProblemsFound
            : ExitCode.Success);
    }

    /// <summary>
    /// Every executed test cell with the score autograde gives the same run: the same <see cref="TestCellScore"/> rule
    /// over the engine's status and numeric return value.
    /// </summary>
    internal static IEnumerable<ValidatedTest> ScoreTests(IEnumerable<ExecutedCell> executed) =>
        executed
            .Where(c => c.Cell.Kind() == CellKind.Tests)
            .Select(c => new ValidatedTest(
                c.Cell.GradeId ?? $"cell {c.Index}",
                c.Cell.Nbgrader!.Points ?? 0,
                TestCellScore.Of(
                    c.Cell.Nbgrader!.Points ?? 0,
                    c.Result.Status == CellStatus.Succeeded,
                    c.Result.NumericReturnValue,
                    FailureReasons.For(c.Result))));

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static IEnumerable<string> Warnings(Notebook notebook)
    {
        // The student's copy carries the released checksums; the grader compares against its own copy of them, with the
        // same rule.
        foreach (var cell in notebook.Cells.Where(c => c.Nbgrader is { Locked: true, Checksum: not null }))
        {
            if (!CellChecksum.MatchesRelease(cell, cell.Nbgrader!.Checksum))
            {
                yield return $"the locked cell '{cell.GradeId}' was modified: the grader will restore the original.";
            }
        }

        var present = notebook.Cells.Select(c => c.GradeId).ToHashSet();
        if (notebook.Metadata[RecordGradedCells.MetadataKey]?["graded_cells"] is JsonArray graded)
        {
            var missing = graded
                .Select(g => g?["grade_id"]?.GetValue<string>())
                .Where(id => id is not null && !present.Contains(id));
            foreach (var id in missing)
            {
                yield return $"the graded cell '{id}' is missing: the grader will put it back, " +
                    "but your answer in it is lost.";
            }
        }
    }
}

/// <summary>One test cell as <c>validate</c> scored it.</summary>
/// <param name="Name">The grade id (or "cell N" when it has none).</param>
/// <param name="Points">The cell's points.</param>
/// <param name="Score">What it earned, its status and reason.</param>
internal sealed record ValidatedTest(string Name, double Points, TestCellScore Score);
