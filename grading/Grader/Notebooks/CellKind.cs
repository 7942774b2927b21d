using System.Text.Json.Serialization;

namespace Grading.Notebooks;

/// <summary>
/// What nbgrader's flags make a cell. Derived in one place (<see cref="CellKinds.Of"/>); the names are the ones the
/// gradebook and the released notebook's <c>course.graded_cells</c> list write.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CellKind>))]
internal enum CellKind
{
    /// <summary>No nbgrader role: an ordinary cell the student may edit.</summary>
    [JsonStringEnumMemberName("plain")] Plain,

    /// <summary>A cell the student writes code in, graded by the test cells after it.</summary>
    [JsonStringEnumMemberName("answer")] Answer,

    /// <summary>An autograded test cell with points.</summary>
    [JsonStringEnumMemberName("tests")] Tests,

    /// <summary>An answer a person grades (a written response or code read by a person).</summary>
    [JsonStringEnumMemberName("manual")] Manual,

    /// <summary>A manually graded task (markdown).</summary>
    [JsonStringEnumMemberName("task")] Task,

    /// <summary>A locked cell without points: set-up code, instructions.</summary>
    [JsonStringEnumMemberName("read-only")] ReadOnly,
}

/// <summary>The one rule from nbgrader flags to a <see cref="CellKind"/>, and what each kind implies.</summary>
internal static class CellKinds
{
    /// <summary>
    /// The kind nbgrader's flags give. Lenient on purpose (a tampered or hand-edited cell still gets a kind): a graded
    /// cell without a solution is tests, then task, then a manual answer; <see cref="HasCanonicalFlags"/> says whether
    /// the flags are exactly the ones nbgrader writes for that kind.
    /// </summary>
    public static CellKind Of(NbgraderMetadata? nb) => nb switch
    {
        null => CellKind.Plain,
        { Grade: true, Solution: false } => CellKind.Tests,
        { Task: true } => CellKind.Task,
        { Grade: true } => CellKind.Manual,
        { Solution: true } => CellKind.Answer,
        { Locked: true } => CellKind.ReadOnly,
        _ => CellKind.Plain,
    };

    /// <summary>True when the flags are exactly nbgrader's for their kind (what <c>check</c> requires of a source
    /// notebook).</summary>
    public static bool HasCanonicalFlags(NbgraderMetadata nb) =>
        (Of(nb), nb.Grade, nb.Solution, nb.Locked, nb.Task) switch
        {
            (CellKind.Answer, false, true, false, false) => true,
            (CellKind.Tests, true, false, true, false) => true,
            (CellKind.Manual, true, true, false, false) => true,
            (CellKind.Task, false, false, true, true) => true,
            (CellKind.ReadOnly, false, false, true, false) => true,
            _ => false,
        };

    /// <summary>True for the kinds that carry points: tests, manual answers and tasks.</summary>
    public static bool IsGraded(this CellKind kind) => kind is CellKind.Tests or CellKind.Manual or CellKind.Task;

    /// <summary>The cell's kind (<see cref="CellKind.Plain"/> without nbgrader metadata).</summary>
    public static CellKind Kind(this NotebookCell cell) => Of(cell.Nbgrader);
}
