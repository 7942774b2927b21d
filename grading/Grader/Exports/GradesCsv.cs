using System.Globalization;
using CsvHelper;
using Grading.Gradebook;
using Grading.Notebooks;

namespace Grading.Exports;

/// <summary>
/// grades.csv: nbgrader's export columns (one row per student), then one column per graded cell
/// ("notebook:grade_id"), which nbgrader's export lacks (its issues #938, #1007, #1226). Text cells are escaped
/// against formula injection (<see cref="SpreadsheetText"/>).
/// </summary>
internal static class GradesCsv
{
    public static void Write(string path, ClassGradebook gradebook)
    {
        var cells = gradebook.Notebooks
            .SelectMany(n => n.Cells.Select(c => $"{n.Notebook}:{c.GradeId}"))
            .Distinct()
            .ToList();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, null, true))
        {
            string[] fixedHeaders =
            [
                "assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
                "raw_score", "late_submission_penalty", "score", "max_score",
            ];
            foreach (var header in fixedHeaders.Concat(cells))
            {
                csv.WriteField(SpreadsheetText.Escape(header));
            }

            csv.EndRecord();
            foreach (var student in gradebook.Students)
            {
                var notebooks = gradebook.Notebooks.Where(n => n.Student == student).ToList();
                csv.WriteField(SpreadsheetText.Escape(gradebook.Assignment));
                csv.WriteField(gradebook.DueDate?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "");
                var latest = notebooks.Select(n => n.Timestamp).Max();
                csv.WriteField(latest?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(SpreadsheetText.Escape(student));
                csv.WriteField("");
                csv.WriteField("");
                csv.WriteField("");
                csv.WriteField(Number(notebooks.Sum(n => n.RawScore)));
                csv.WriteField(Number(notebooks.Sum(n => n.LatePenalty)));
                csv.WriteField(Number(notebooks.Sum(n => n.Score)));
                csv.WriteField(Number(notebooks.Sum(n => n.MaxScore)));
                foreach (var column in cells)
                {
                    var cell = notebooks.SelectMany(n => n.Cells.Select(c => (Key: $"{n.Notebook}:{c.GradeId}", c)))
                        .FirstOrDefault(p => p.Key == column).c;
                    csv.WriteField(cell is null ? "" : cell.NeedsManualGrade ? "" : Number(cell.Score));
                }

                csv.EndRecord();
            }
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
