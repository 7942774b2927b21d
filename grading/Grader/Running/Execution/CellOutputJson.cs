using System.Text.Json.Nodes;
using Grading.Notebooks;
using NotebookEngine;

namespace Grading.Running.Execution;

/// <summary>Turns the engine's outputs into nbformat 4 output objects, the shape Jupyter writes into an
/// .ipynb.</summary>
internal static class CellOutputJson
{
    /// <summary>One nbformat output object for <paramref name="output"/>.</summary>
    public static JsonObject ToJson(CellOutput output) => output switch
    {
        StreamOutput stream => new JsonObject
        {
            ["name"] = stream.Name,
            ["output_type"] = "stream",
            ["text"] = Lines(stream.Text),
        },
        DisplayDataOutput display => new JsonObject
        {
            ["data"] = new JsonObject(display.Data.Select(pair =>
                KeyValuePair.Create(pair.Key, (JsonNode?)Lines(pair.Value)))),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ErrorOutput error => new JsonObject
        {
            ["ename"] = error.EName,
            ["evalue"] = error.EValue,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
        },
        _ => throw new ArgumentException($"Unknown output type {output.GetType().Name}.", nameof(output)),
    };

    /// <summary>All outputs of a cell, in the order they happened.</summary>
    public static JsonArray ToJson(IEnumerable<CellOutput> outputs) =>
        new(outputs.Select(output => (JsonNode?)ToJson(output)).ToArray());

    /// <summary>Jupyter's multiline-string convention: a list of lines, each keeping its "\n" except the
    /// last.</summary>
    public static JsonArray Lines(string text) => NotebookCell.SourceLines(text);
}
