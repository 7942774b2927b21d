using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Grading.Running.Isolation;

/// <summary>
/// Checks a worker's outputs against nbformat 4's output schema (stream, display_data, execute_result, error) and a
/// size cap before anything stores or renders them. A worker is not trusted: an output of the wrong shape (a number
/// where text belongs, unknown fields, a huge payload) is replaced by a note, so feedback and exports can rely on the
/// shape.
/// </summary>
internal static partial class NbformatOutputs
{
    /// <summary>The text of the note that replaces an output that is not valid nbformat.</summary>
    public const string DroppedNote = "[an output of this cell was not valid nbformat and was dropped]\n";

    /// <summary>The text of the note that ends a cell's outputs cut at the size cap.</summary>
    public const string TruncatedNote = "[outputs past the grader's size cap were dropped]\n";

    /// <summary>
    /// A clean copy of <paramref name="outputs"/>: every valid output rebuilt from its schema's fields only, every
    /// invalid one replaced by <see cref="DroppedNote"/>, and nothing past <paramref name="maxChars"/> characters of
    /// content.
    /// </summary>
    public static JsonArray Clean(JsonNode? outputs, long maxChars)
    {
        var clean = new JsonArray();
        if (outputs is not JsonArray list)
        {
            clean.Add(Stream("stderr", DroppedNote));
            return clean;
        }

        long used = 0;
        foreach (var output in list)
        {
            var valid = output is JsonObject candidate ? Rebuild(candidate) : null;
            var rebuilt = valid ?? Stream("stderr", DroppedNote);
            used += CountChars(rebuilt);
            if (used > maxChars)
            {
                clean.Add(Stream("stderr", TruncatedNote));
                break;
            }

            clean.Add(rebuilt);
        }

        return clean;
    }

    private static JsonObject? Rebuild(JsonObject output) => Text(output["output_type"]) switch
    {
        "stream" when Text(output["name"]) is "stdout" or "stderr" && MultilineText(output["text"]) is { } text =>
            new JsonObject { ["name"] = Text(output["name"]), ["output_type"] = "stream", ["text"] = text },
        "error" when Text(output["ename"]) is { } ename
                     && Text(output["evalue"]) is { } evalue
                     && Strings(output["traceback"]) is { } traceback =>
            new JsonObject
            {
                ["ename"] = ename,
                ["evalue"] = evalue,
                ["output_type"] = "error",
                ["traceback"] = traceback,
            },
        "display_data" when MimeBundle(output["data"]) is { } data && output["metadata"] is null or JsonObject =>
            new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" },
        "execute_result" when MimeBundle(output["data"]) is { } data
                              && ExecutionCount(output["execution_count"], out var count) =>
            new JsonObject
            {
                ["data"] = data,
                ["execution_count"] = count,
                ["metadata"] = new JsonObject(),
                ["output_type"] = "execute_result",
            },
        _ => null,
    };

    private static JsonObject? MimeBundle(JsonNode? node)
    {
        if (node is not JsonObject data)
        {
            return null;
        }

        var clean = new JsonObject();
        foreach (var (mime, value) in data)
        {
            // nbformat: JSON mime types may hold any JSON; every other type holds text (a string or a list of lines).
            JsonNode? content = !MimeType().IsMatch(mime) ? null
                : mime.EndsWith("json", StringComparison.Ordinal) ? value?.DeepClone()
                : MultilineText(value);
            if (content is null)
            {
                return null;
            }

            clean[mime] = content;
        }

        return clean;
    }

    private static bool ExecutionCount(JsonNode? node, out int? count)
    {
        count = null;
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue value
            && value.GetValueKind() == JsonValueKind.Number
            && value.TryGetValue<int>(out var number)
            && number >= 0)
        {
            count = number;
            return true;
        }

        return false;
    }

    /// <summary>nbformat's multiline string: one string, or an array of strings (copied).</summary>
    private static JsonNode? MultilineText(JsonNode? node) => node switch
    {
        JsonValue when Text(node) is { } text => JsonValue.Create(text),
        JsonArray => Strings(node),
        _ => null,
    };

    private static JsonArray? Strings(JsonNode? node)
    {
        if (node is not JsonArray items)
        {
            return null;
        }

        var copy = new JsonArray();
        foreach (var item in items)
        {
            if (Text(item) is not { } text)
            {
                return null;
            }

            copy.Add(text);
        }

        return copy;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static JsonObject Stream(string name, string text) =>
        new() { ["name"] = name, ["output_type"] = "stream", ["text"] = text };

    private static long CountChars(JsonNode? node) => node switch
    {
        JsonObject items => items.Sum(pair => pair.Key.Length + CountChars(pair.Value)),
        JsonArray items => items.Sum(CountChars),
        JsonValue when Text(node) is { } text => text.Length,
        _ => 8,
    };

    [GeneratedRegex(@"^[a-zA-Z0-9]+/[a-zA-Z0-9\-\+\.]+$")]
    private static partial Regex MimeType();
}
