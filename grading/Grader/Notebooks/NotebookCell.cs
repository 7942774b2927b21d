using System.Text.Json.Nodes;

namespace Grading.Notebooks;

/// <summary>A cell over its JSON: typed access to what the grader uses, everything else left as it was.</summary>
internal sealed class NotebookCell(JsonObject json)
{
    /// <summary>The underlying JSON object.</summary>
    public JsonObject Json { get; } = json;

    /// <summary>"code", "markdown" or "raw".</summary>
    public string CellType
    {
        get => Json["cell_type"]!.GetValue<string>();
        set => Json["cell_type"] = value;
    }

    /// <summary>True for code cells.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The source as one string; set writes Jupyter's list of lines.</summary>
    public string Source
    {
        get => Json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(line => line!.GetValue<string>())),
            JsonValue text => text.GetValue<string>(),
            _ => "",
        };
        set => Json["source"] = SourceLines(value);
    }

    /// <summary>The nbformat 4.5 cell id, or null for older notebooks.</summary>
    public string? Id => Json["id"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;

    /// <summary>A code cell's outputs (created empty when missing); null for markdown and raw cells.</summary>
    public JsonArray? Outputs => !IsCode
        ? null
        : Json["outputs"] as JsonArray ?? (JsonArray)(Json["outputs"] = new JsonArray());

    /// <summary>A code cell's execution count; null when never run (and for markdown and raw cells).</summary>
    public int? ExecutionCount
    {
        get => Json["execution_count"] is JsonValue value && value.TryGetValue<int>(out var count) ? count : null;
        set => Json["execution_count"] = value;
    }

    /// <summary>The cell's metadata object (created when missing).</summary>
    public JsonObject Metadata => Json["metadata"] as JsonObject ?? (JsonObject)(Json["metadata"] = new JsonObject());

    /// <summary>The nbgrader metadata, or null.</summary>
    public NbgraderMetadata? Nbgrader => NbgraderMetadata.From(Metadata);

    /// <summary>The grade id, or null.</summary>
    public string? GradeId => Nbgrader?.GradeId;

    /// <summary>Removes outputs and the execution count (code cells).</summary>
    public void ClearOutputs()
    {
        if (IsCode)
        {
            Json["outputs"] = new JsonArray();
            Json["execution_count"] = null;
        }
    }

    /// <summary>Jupyter's convention: each line keeps its "\n" except the last.</summary>
    public static JsonArray SourceLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var stop = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..stop]);
            start = stop;
        }

        return lines;
    }
}
