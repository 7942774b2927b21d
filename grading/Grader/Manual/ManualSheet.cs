using System.Globalization;
using System.Text;
using CsvHelper;
using Grading.Autograde;
using Grading.Exports;
using Grading.Gradebook;
using Grading.Notebooks;

namespace Grading.Manual;

/// <summary>
/// The instructor's sheet for answers a person grades: one CSV row per student × manual cell with the answer and the
/// mark scheme (fill in score and comment), plus a Markdown copy that reads well. Import reads the scores back.
/// </summary>
internal static class ManualSheet
{
    public static readonly string[] Columns =
    [
        "student",
        "notebook",
        "grade_id",
        "max_score",
        "score",
        "comment",
        "answer",
        "mark_scheme",
    ];

    public static int Export(
        ClassGradebook gradebook,
        IReadOnlyList<AssignmentSource> sources,
        string output,
        string csvPath,
        string markdownPath)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var markdown = new StringBuilder($"# Manual grading — {gradebook.Assignment}\n\n" +
                                         $"Fill the `score` and `comment` columns of {Path.GetFileName(csvPath)}, " +
                                         "then run `manual import`.\n");
        var rows = 0;
        using (var csv = CsvWriter.Create(text, null, true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            foreach (var grade in gradebook.Notebooks)
            {
                var source = sources.First(s => s.Name == grade.Notebook);
                var executedPath = Path.Combine(output, "students", grade.Student, grade.Notebook + ".ipynb");
                var executed = File.Exists(executedPath) ? Notebook.Load(executedPath) : null;
                foreach (var cell in grade.Cells.Where(c =>
                    c.Kind != CellKind.Tests && c.Status is GradeStatus.NeedsManualGrade or GradeStatus.ManuallyGraded))
                {
                    var answer = executed?.Cells.FirstOrDefault(c => c.GradeId == cell.GradeId)?.Source ?? "";
                    var scheme = MarkScheme(source.Source.Cells.First(c => c.GradeId == cell.GradeId).Source);
                    string[] fields =
                    [
                        grade.Student,
                        grade.Notebook,
                        cell.GradeId,
                        Number(cell.MaxScore),
                        cell.ManualScore is { } s ? Number(s) : "",
                        cell.Comment ?? "",
                        answer,
                        scheme,
                    ];
                    foreach (var field in fields)
                    {
                        // Answers and ids are the students' text: never a live formula in the instructor's spreadsheet.
                        csv.WriteField(SpreadsheetText.Escape(field));
                    }

                    csv.EndRecord();
                    markdown.Append($"\n## {grade.Student} — {grade.Notebook} / {cell.GradeId} " +
                                    $"({Number(cell.MaxScore)} points)\n\n" +
                                    $"**Answer**\n\n{Quote(answer)}\n\n" +
                                    $"**Mark scheme**\n\n{Quote(scheme)}\n");
                    rows++;
                }
            }
        }

        AtomicFile.WriteAllText(csvPath, text.ToString());
        AtomicFile.WriteAllText(markdownPath, markdown.ToString());
        return rows;
    }

    /// <summary>
    /// Reads filled-in rows; rows with an empty score are skipped. Problems name the line and what to fix.
    /// </summary>
    public static (List<ManualGrade> Grades, List<string> Problems) Import(string csvPath)
    {
        var (grades, problems) = (new List<ManualGrade>(), new List<string>());
        using var reader = CsvReader.Create(new StreamReader(csvPath), null, false);
        var line = 1;
        foreach (var row in reader)
        {
            line++;
            var fields = row.ToDictionary();
            string Field(string name) =>
                fields.TryGetValue(name, out var value) ? SpreadsheetText.Unescape(value ?? "") : "";
            if (Field("score").Trim() is not { Length: > 0 } scoreText)
            {
                continue;
            }

            if (!double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ||
                !double.TryParse(Field("max_score"), NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
                    || score < 0
                    || score > max)
            {
                problems.Add($"{csvPath}: row {line} ({Field("student")}, {Field("grade_id")}): score " +
                             $"'{scoreText}' must be a number between 0 and {Field("max_score")}.");
                continue;
            }

            grades.Add(new ManualGrade(
                Field("student"),
                Field("notebook"),
                Field("grade_id"),
                score,
                Field("comment") is { Length: > 0 } c ? c : null));
        }

        return (grades, problems);
    }

    private static string MarkScheme(string source)
    {
        var lines = source.Split('\n');
        var begin = Array.FindIndex(lines, l => l.Contains(RegionKind.MarkScheme.Begin, StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.Contains(RegionKind.MarkScheme.End, StringComparison.Ordinal));
        return begin >= 0 && end > begin ? string.Join('\n', lines[(begin + 1)..end]).Trim() : "";
    }

    private static string Quote(string text) => string.Join('\n', text.Split('\n').Select(l => "> " + l));

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
