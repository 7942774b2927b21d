using System.Text.Json.Nodes;

namespace Grading.Notebooks;

/// <summary>A cell's <c>metadata.nbgrader</c> (schema version 3), with the cell kinds of the dialect's table.</summary>
internal sealed record NbgraderMetadata(bool Grade, bool Solution, bool Locked, bool Task, string? GradeId, double? Points,
    string? Checksum, int SchemaVersion)
{
    /// <summary>A cell the student writes code or prose in, graded by tests after it.</summary>
    public bool IsAutogradedAnswer => Solution && !Grade;

    /// <summary>A locked test cell with points.</summary>
    public bool IsAutogradedTest => Grade && !Solution;

    /// <summary>An answer a person grades.</summary>
    public bool IsManualAnswer => Grade && Solution;

    /// <summary>A manually graded task (markdown).</summary>
    public bool IsTask => Task;

    /// <summary>Reads <c>metadata.nbgrader</c>, or null when the cell has none.</summary>
    public static NbgraderMetadata? From(JsonObject cellMetadata)
    {
        if (cellMetadata["nbgrader"] is not JsonObject nb)
        {
            return null;
        }

        // Lenient on purpose: `check` reports wrong types itself, and grading must not crash on a tampered cell.
        return new NbgraderMetadata(Flag(nb, "grade"), Flag(nb, "solution"), Flag(nb, "locked"), Flag(nb, "task"),
            Text(nb, "grade_id"), Number(nb, "points"), Text(nb, "checksum"), (int)(Number(nb, "schema_version") ?? 0));
    }

    private static bool Flag(JsonObject nb, string name) => nb[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string? Text(JsonObject nb, string name) =>
        nb[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static double? Number(JsonObject nb, string name) =>
        nb[name] is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;
}
