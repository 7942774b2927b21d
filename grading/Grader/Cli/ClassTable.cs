using System.Globalization;
using Grading.Gradebook;
using Grading.Pipelines;
using Spectre.Console;

namespace Grading.Cli;

/// <summary>The final table of an autograde run: one row per student, the mean, and what needs attention
/// next.</summary>
internal static class ClassTable
{
    public static void Write(ClassGradebook gradebook, Terminal terminal)
    {
        var table = new Table().AddColumns("student", "score", "max", "late", "manual pending", "notes");
        foreach (var student in gradebook.Students)
        {
            var notebooks = gradebook.Notebooks.Where(n => n.Student == student).ToList();
            var pending = notebooks.Sum(n => n.Cells.Count(c => c.NeedsManualGrade));
            var notes = notebooks.Where(n => n.Error is not null).Select(n => n.Error!)
                .Concat(notebooks.SelectMany(n => n.Cells.SelectMany(c => c.TamperNotes)).Distinct())
                .Concat(notebooks.SelectMany(n => n.Notes
                    .Where(note => note.Kind != NoteKind.Run)
                    .Select(note => note.Text)));
            table.AddRow(
                Markup.Escape(student),
                Number(notebooks.Sum(n => n.Score)),
                Number(notebooks.Sum(n => n.MaxScore)),
                Number(notebooks.Sum(n => n.LatePenalty)),
                $"{pending}",
                Markup.Escape(string.Join(" · ", notes.Distinct().Take(2).Select(Shorten))));
        }

        terminal.Console.Write(table);
        var totals = gradebook.Students
            .Select(s => gradebook.Notebooks.Where(n => n.Student == s).Sum(n => n.Score))
            .ToList();
        var mean = totals.Count == 0 ? 0 : totals.Average();
        var failures = gradebook.Notebooks.Count(n => n.Error is not null);
        var pendingTotal = gradebook.Notebooks.Sum(n => n.Cells.Count(c => c.NeedsManualGrade));
        terminal.Out.WriteLine(
            $"{totals.Count} students, mean {Number(mean)} of " +
            $"{Number(gradebook.Notebooks.GroupBy(n => n.Notebook).Sum(g => g.First().MaxScore))}.");
        if (failures > 0)
        {
            terminal.Out.WriteLine(
                $"{failures} notebook(s) could not be graded: open their feedback/ pages for the reason " +
                "(unreadable file, missing submission).");
        }

        if (pendingTotal > 0)
        {
            terminal.Out.WriteLine(
                $"{pendingTotal} answer(s) wait for a person: run `manual export`, fill in the scores, " +
                "then `manual import`.");
        }
    }

    private static string Shorten(string note) => note.Length <= 90 ? note : note[..87] + "…";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
