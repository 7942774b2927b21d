using System.Text.Json.Nodes;

namespace Grading.Notebooks;

/// <summary>A cell's <c>metadata.nbgrader</c> (schema version 3), whose flags give the cell its <see cref="CellKind"/>
/// (docs/grading-model.md §1).</summary>
internal sealed record NbgraderMetadata(
    bool Grade,
    bool Solution,
    bool Locked,
    bool Task,
    string? GradeId,
    double? Points,
    string? Checksum,
    int SchemaVersion)
{
    /// <summary>The JSON key under a cell's metadata.</summary>
    public const string Key = "nbgrader";

    /// <summary>The cell type recorded at release (nbgrader detects a later change of type with it), or null.</summary>
    public string? CellType { get; init; }

    /// <summary>What these flags make the cell (the one rule: <see cref="CellKinds.Of"/>).</summary>
    public CellKind Kind => CellKinds.Of(this);

    /// <summary>Reads <c>metadata.nbgrader</c>, or null when the cell has none.</summary>
    public static NbgraderMetadata? From(JsonObject cellMetadata)
    {
        if (cellMetadata[Key] is not JsonObject nb)
        {
            return null;
        }

        // Lenient on purpose: `check` reports wrong types itself, and grading must not crash on a tampered cell.
        return new NbgraderMetadata(Flag(nb, "grade"), Flag(nb, "solution"), Flag(nb, "locked"), Flag(nb, "task"),
            Text(nb, "grade_id"), Number(nb, "points"), Text(nb, "checksum"), (int)(Number(nb, "schema_version") ?? 0))
        {
            CellType = Text(nb, "cell_type"),
        };
    }

    /// <summary>
    /// Writes these fields into <c>metadata.nbgrader</c> (created when missing). Fields whose value is unchanged keep
    /// their JSON node, so an untouched <c>2.0</c> stays <c>2.0</c> and the file round-trips; null optional fields are
    /// removed.
    /// </summary>
    public void WriteTo(JsonObject cellMetadata)
    {
        if (cellMetadata[Key] is not JsonObject nb)
        {
            nb = new JsonObject();
            cellMetadata[Key] = nb;
        }

        Set(nb, "schema_version", SchemaVersion, Number(nb, "schema_version") == SchemaVersion);
        Set(nb, "grade", Grade, nb.ContainsKey("grade") && Flag(nb, "grade") == Grade);
        Set(nb, "solution", Solution, nb.ContainsKey("solution") && Flag(nb, "solution") == Solution);
        Set(nb, "locked", Locked, nb.ContainsKey("locked") && Flag(nb, "locked") == Locked);
        if (Task || nb.ContainsKey("task"))
        {
            Set(nb, "task", Task, nb.ContainsKey("task") && Flag(nb, "task") == Task);
        }

        SetOrRemove(nb, "grade_id", GradeId, Text(nb, "grade_id") == GradeId);
        SetOrRemove(nb, "points", Points, Number(nb, "points") == Points);
        SetOrRemove(nb, "checksum", Checksum, Text(nb, "checksum") == Checksum);
        SetOrRemove(nb, "cell_type", CellType, Text(nb, "cell_type") == CellType);
    }

    private static void Set(JsonObject nb, string name, JsonNode value, bool unchanged)
    {
        if (!unchanged)
        {
            nb[name] = value;
        }
    }

    private static void SetOrRemove(JsonObject nb, string name, JsonNode? value, bool unchanged)
    {
        if (value is null)
        {
            nb.Remove(name);
        }
        else
        {
            Set(nb, name, value, unchanged && nb.ContainsKey(name));
        }
    }

    private static bool Flag(JsonObject nb, string name) =>
        nb[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string? Text(JsonObject nb, string name) =>
        nb[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // A value parsed from text converts to any numeric type, but one set from code only to the type it was set with.
    private static double? Number(JsonObject nb, string name) => nb[name] is not JsonValue value ? null
        : value.TryGetValue<double>(out var number) ? number
        : value.TryGetValue<int>(out var integer) ? integer
        : value.TryGetValue<long>(out var wide) ? wide
        : value.TryGetValue<decimal>(out var exact) ? (double)exact
        : null;
}
