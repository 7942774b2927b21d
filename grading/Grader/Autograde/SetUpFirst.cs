using Grading.Notebooks;

namespace Grading.Autograde;

/// <summary>
/// The order cells run in: the source's set-up cells (locked, ungraded code cells above every answer cell, such as the
/// one that loads the course library) first, then everything else in notebook order. A cell a student adds above the
/// set-up cell therefore runs after it, never before: it cannot prepare the ground the library is loaded on.
/// </summary>
internal static class SetUpFirst
{
    /// <summary><paramref name="cells"/> (sanitized index, source) reordered so set-up cells come first.</summary>
    public static IReadOnlyList<(int Index, string Source)> Order(AssignmentSource source, Notebook sanitized,
        IReadOnlyList<(int Index, string Source)> cells)
    {
        return Order(source, cells, c => sanitized.Cells[c.Index].GradeId);
    }

    /// <summary><paramref name="cells"/> reordered so the set-up cells of <paramref name="source"/> (by the grade id
    /// <paramref name="gradeId"/> gives) come first.</summary>
    public static List<T> Order<T>(AssignmentSource source, IEnumerable<T> cells, Func<T, string?> gradeId)
    {
        var setUpIds = SetUpIds(source.Source);
        var all = cells.ToList();
        var setUp = all
            .Where(c => gradeId(c) is { } id && setUpIds.Contains(id))
            .OrderBy(c => setUpIds.IndexOf(gradeId(c)!))
            .ToList();
        return [.. setUp, .. all.Where(c => !setUp.Contains(c))];
    }

    /// <summary>The grade ids of the set-up cells of <paramref name="source"/>, in source order.</summary>
    public static List<string> SetUpIds(Notebook source)
    {
        var ids = new List<string>();
        foreach (var cell in source.Cells)
        {
            if (cell.Nbgrader is { Solution: true } or { Grade: true })
            {
                break;
            }

            if (cell.IsCode && cell.Nbgrader is { Locked: true, GradeId: { } id })
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
