using System.Text.RegularExpressions;
using Grading.Exports;
using Grading.Gradebook;
using Grading.Notebooks;
using Grading.Running.Execution;
using Grading.Running.Isolation;
using NotebookEngine;

namespace Grading.Autograde;

/// <summary>
/// Decides what of a test cell's failure a student may read. The grader's own sentences (compile errors, timeouts,
/// crashes, stubs, partial credit) are safe; a runtime failure is shown only when it is a check the student can see in
/// the released notebook (its label is a string in the visible part of the cell, and nowhere in the hidden part).
/// Anything else — a hidden check's "expected 16, found -16", an exception the student's code threw while a hidden
/// check called it — becomes <see cref="StudentView.HiddenFailure"/>. The full reason stays in the gradebook for the
/// instructor.
/// </summary>
internal static partial class HiddenCheckDetail
{
    /// <summary>Sets <see cref="CellGrade.StudentReason"/> on every cell of <paramref name="grades"/>.</summary>
    public static IReadOnlyList<CellGrade> Mark(
        AssignmentSource source,
        IReadOnlyList<CellGrade> grades,
        IReadOnlyDictionary<int, WorkerCellReport> reports,
        Notebook sanitized) =>
        grades
            .Select(grade => grade with
            {
                StudentReason = StudentReason(source, grade, ReportFor(grade, reports, sanitized)),
            })
            .ToList();

    /// <summary>The reason a student may see for <paramref name="grade"/> given the worker's <paramref name="report"/>
    /// of its cell.</summary>
    public static string? StudentReason(AssignmentSource source, CellGrade grade, WorkerCellReport? report)
    {
        if (grade.Reason is null
            || grade.Kind != CellKind.Tests
            || report is null
            || report.Status != WorkerCellStatus.RuntimeError)
        {
            return grade.Reason;
        }

        if (grade.Reason == FailureReasons.Stub)
        {
            return grade.Reason;
        }

        var visible = source.Released.Cells.FirstOrDefault(c => c.GradeId == grade.GradeId)?.Source ?? "";
        var full = source.Source.Cells.FirstOrDefault(c => c.GradeId == grade.GradeId)?.Source ?? "";
        var hidden = HiddenPart(full);
        var label = Literals().Matches(visible).Select(m => m.Groups[1].Value)
            .FirstOrDefault(literal =>
                literal.Length > 0 && grade.Reason.StartsWith(literal + ":", StringComparison.Ordinal));
        return label is not null && !hidden.Contains('"' + label + '"', StringComparison.Ordinal)
            ? grade.Reason
            : StudentView.HiddenFailure;
    }

    private static WorkerCellReport? ReportFor(
        CellGrade grade,
        IReadOnlyDictionary<int, WorkerCellReport> reports,
        Notebook sanitized)
    {
        var index = sanitized.Cells.FindIndex(c => c.GradeId == grade.GradeId);
        return index >= 0 ? reports.GetValueOrDefault(index) : null;
    }

    private static string HiddenPart(string source)
    {
        var lines = source.Split('\n');
        var hidden = new List<string>();
        var inside = false;
        foreach (var line in lines)
        {
            inside = inside
                ? !line.Contains(RegionKind.HiddenTests.End, StringComparison.Ordinal)
                : line.Contains(RegionKind.HiddenTests.Begin, StringComparison.Ordinal);
            if (inside)
            {
                hidden.Add(line);
            }
        }

        return string.Join('\n', hidden);
    }

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Literals();
}
