using System.Text.Json.Nodes;
using Grading.Gradebook;
using Grading.Notebooks;

namespace Grading.Exports;

/// <summary>
/// Results in the formats grading platforms read: Gradescope's results.json, GitHub Classroom's runner result.
/// </summary>
internal static class PlatformResults
{
    /// <summary>
    /// Gradescope's results.json for one student: one test per graded cell, hidden-test code never included, and hidden
    /// checks' messages only when <paramref name="showHiddenDetail"/>.
    /// </summary>
    public static JsonObject Gradescope(IReadOnlyList<NotebookGrade> notebooks, bool showHiddenDetail = false) => new()
    {
        ["score"] = notebooks.Sum(n => n.Score),
        ["execution_time"] = 0,
        ["output"] = $"Autograded {notebooks.Count} notebook(s); manually graded cells are scored separately.",
        ["tests"] = new JsonArray(notebooks.SelectMany(n => n.Cells.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = $"{n.Notebook}: {c.GradeId}",
            ["score"] = c.Score,
            ["max_score"] = c.MaxScore,
            ["status"] = c.Score >= c.MaxScore ? "passed" : "failed",
            ["output"] = StudentView.Advice(c, showHiddenDetail),
            ["visibility"] = "visible",
        })).ToArray()),
    };

    /// <summary>
    /// The JSON an autograding runner reports to GitHub Classroom (version 1), with partial credit per test.
    /// </summary>
    public static JsonObject Classroom(IReadOnlyList<NotebookGrade> notebooks, bool showHiddenDetail = false)
    {
        var tests = notebooks.SelectMany(n => n.Cells.Where(c => c.Kind == CellKind.Tests).Select(c => new JsonObject
        {
            ["name"] = $"{n.Notebook}: {c.GradeId}",
            ["status"] = c.Score >= c.MaxScore ? "pass" : "fail",
            ["score"] = c.Score,
            ["message"] = StudentView.Reason(c, showHiddenDetail) ?? "",
            ["test_code"] = "",
            ["filename"] = $"{n.Notebook}.ipynb",
            ["line_no"] = 0,
            ["duration"] = 0,
        })).ToList();
        return new JsonObject
        {
            ["version"] = 1,
            ["status"] = tests.All(t => t["status"]!.GetValue<string>() == "pass") ? "pass" : "fail",
            ["max_score"] = notebooks.Sum(n => n.Cells.Where(c => c.Kind == CellKind.Tests).Sum(c => c.MaxScore)),
            ["tests"] = new JsonArray(tests.Select(t => (JsonNode)t).ToArray()),
        };
    }
}
