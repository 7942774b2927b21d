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
        var setUpIds = SetUpIds(source.Source);
        var setUp = cells.Where(c => sanitized.Cells[c.Index].GradeId is { } id && setUpIds.Contains(id))
            .OrderBy(c => setUpIds.IndexOf(sanitized.Cells[c.Index].GradeId!)).ToList();
        return [.. setUp, .. cells.Where(c => !setUp.Contains(c))];
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
