using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grading.Notebooks;

/// <summary>An nbformat 4 notebook kept as its JSON tree, so unknown metadata and key order survive a round
/// trip.</summary>
internal sealed class Notebook
{
    private Notebook(JsonObject json, string path)
    {
        Json = json;
        Path = path;
        Cells = json["cells"]!.AsArray().Select(cell => new NotebookCell(cell!.AsObject())).ToList();
    }

    /// <summary>The underlying JSON.</summary>
    public JsonObject Json { get; }

    /// <summary>Where it was read from (for messages).</summary>
    public string Path { get; }

    /// <summary>The cells, in order. Changing the list takes effect when the notebook is serialized.</summary>
    public List<NotebookCell> Cells { get; }

    /// <summary>The notebook-level metadata.</summary>
    public JsonObject Metadata => Json["metadata"]!.AsObject();

    /// <summary>The major format version (always 4: <see cref="Parse"/> rejects others).</summary>
    public int NbFormat => (int)Json["nbformat"]!.GetValue<double>();

    /// <summary>The minor format version, or null when missing or not an integer (<c>check</c> reports it).</summary>
    public int? NbFormatMinor =>
        Json["nbformat_minor"] is JsonValue value && value.TryGetValue<int>(out var minor) ? minor : null;

    /// <summary>Reads and checks the structure of an .ipynb file.</summary>
    /// <exception cref="NotebookFormatException">The file is not JSON, not nbformat 4, or has the wrong shape; the
    /// message names the JSON path.</exception>
    public static Notebook Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException($"{path}: cannot be read: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> only names it in messages.</summary>
    /// <exception cref="NotebookFormatException">See <see cref="Load"/>.</exception>
    public static Notebook Parse(string text, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw NotebookFormatException.At(
                path,
                "$",
                $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): " +
                $"{e.Message.Split(" Path:")[0]}");
        }

        if (root is not JsonObject json)
        {
            throw NotebookFormatException.At(path, "$", $"expected a JSON object, found {Kind(root)}");
        }

        NotebookStructure.Validate(json, path);
        return new Notebook(json, path);
    }

    /// <summary>The notebook as Jupyter writes it.</summary>
    public string Serialize()
    {
        Json["cells"] = new JsonArray(Cells.Select(cell => (JsonNode)Detach(cell.Json)).ToArray());
        return JupyterJson.Serialize(Json);
    }

    /// <summary>Writes the notebook atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, Serialize());

    /// <summary>A deep copy.</summary>
    public Notebook Clone() => new(Json.DeepClone().AsObject(), Path);

    internal static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "something else",
    };

    private static JsonObject Detach(JsonObject cell)
    {
        cell.Parent?.AsArray().Remove(cell);
        return cell;
    }
}
