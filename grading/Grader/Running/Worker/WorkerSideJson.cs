using System.Buffers;
using System.Text;
using System.Text.Json;
using NotebookEngine.Analysis;

namespace Grading.Running.Worker;

/// <summary>
/// The worker's two directions of the protocol (reading requests, writing events), on System.Text.Json's reader and
/// writer instead of its serializer. Why: a worker lives about a third of a second, and the serializer's first call
/// builds metadata for every protocol type, instantiating its generic code over the protocol's value types (int,
/// double, bool, the status enum), which no ReadyToRun image can hold; that JIT work cost each worker 60–110 ms, a
/// third of its life (measured 2026-12-02). The grader's directions keep the serializer, and the tests hold this class
/// to it: every event written here is the serializer's line byte for byte, every request the grader writes reads back
/// as the same request, and a request line the serializer rejects is rejected here too.
/// </summary>
internal static class WorkerSideJson
{
    /// <summary>One event as a line of JSON (no newline), the serializer's shape: the discriminator first, the
    /// event's own fields, the nonce last; camelCase names; a number JSON cannot hold as the serializer's named
    /// literal.</summary>
    public static string Write(WorkerEvent message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            switch (message)
            {
                case WorkerReady:
                    json.WriteString("event", "ready");
                    break;
                case CellStarted started:
                    json.WriteString("event", "start");
                    json.WriteNumber("cell", started.Cell);
                    json.WriteString("secret", started.Secret);
                    break;
                case CellFinished finished:
                    WriteResult(json, finished);
                    break;
                default:
                    throw new ArgumentException($"Unknown event {message.GetType().Name}.", nameof(message));
            }

            // Last, as the serializer writes a base record's properties after the derived record's own.
            json.WriteString("nonce", message.Nonce);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The request on <paramref name="line"/>, or null with <paramref name="problem"/> saying why it is not
    /// one. As strict as the serializer: every field the record requires, each of its JSON type.</summary>
    public static WorkerRequest? ReadRequest(string line, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            problem = null;
            return ToRequest(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            // FormatException: base64 that does not decode.
            problem = e.Message;
            return null;
        }
    }

    private static void WriteResult(Utf8JsonWriter json, CellFinished finished)
    {
        json.WriteString("event", "result");
        json.WriteNumber("cell", finished.Cell);
        json.WriteString("secret", finished.Secret);
        json.WriteString("status", finished.Status.ToString());
        json.WriteNumber("elapsedMs", finished.ElapsedMs);
        json.WriteString("failure", finished.Failure);
        json.WritePropertyName("numeric");
        switch (finished.Numeric)
        {
            case null:
                json.WriteNullValue();
                break;
            case { } finite when double.IsFinite(finite):
                json.WriteNumberValue(finite);
                break;
            case { } named:
                json.WriteStringValue(NamedLiteral(named));
                break;
        }

        json.WritePropertyName("outputs");
        if (finished.Outputs is null)
        {
            json.WriteNullValue();
        }
        else
        {
            finished.Outputs.WriteTo(json);
        }
    }

    // The serializer's names for the three doubles JSON has no number for (JsonNumberHandling's named literals).
    private static string NamedLiteral(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : "-Infinity";

    private static WorkerRequest ToRequest(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A request is a JSON object, not {root.ValueKind}.");
        }

        var kind = RequiredString(root, "request");
        return kind switch
        {
            "header" => new WorkerHeader(
                RequiredString(root, "nonce"),
                Required(root, "cellTimeoutSeconds", JsonValueKind.Number).GetDouble(),
                RequiredInt(root, "outputLimitBytes"),
                OptionalCell(root, "kernelHelpers")),
            "cell" => new CellRequest(
                RequiredInt(root, "cell"),
                RequiredString(root, "source"),
                RequiredString(root, "secret"),
                OptionalCell(root, "compiled")),
            "end" => new EndRequest(),
            _ => throw new JsonException($"Unknown request kind '{kind}'."),
        };
    }

    private static PrecompiledCell? OptionalCell(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var cell) || cell.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (cell.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"'{name}' must be an object or null.");
        }

        // Loops rather than LINQ over JsonElement: each generic method instantiated over a struct is JIT work again.
        var references = new List<string>();
        foreach (var reference in Required(cell, "references", JsonValueKind.Array).EnumerateArray())
        {
            references.Add(NotNullString(reference, "references"));
        }

        return new PrecompiledCell(
            Required(cell, "image", JsonValueKind.String).GetBytesFromBase64(),
            RequiredString(cell, "assemblyName"),
            RequiredString(cell, "entryType"),
            RequiredBool(cell, "hasReturnValue"),
            references,
            cell.TryGetProperty("compileErrors", out var errors) && errors.ValueKind != JsonValueKind.Null
                ? NotNullString(errors, "compileErrors")
                : null);
    }

    private static JsonElement Required(JsonElement parent, string name, JsonValueKind kind)
    {
        var value = Present(parent, name);
        return value.ValueKind == kind
            ? value
            : throw new JsonException($"'{name}' must be {kind}, not {value.ValueKind}.");
    }

    private static JsonElement Present(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value)
            ? value
            : throw new JsonException($"The required field '{name}' is missing.");

    private static bool RequiredBool(JsonElement parent, string name) =>
        Present(parent, name).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            var other => throw new JsonException($"'{name}' must be true or false, not {other}."),
        };

    private static string RequiredString(JsonElement parent, string name) =>
        NotNullString(Required(parent, name, JsonValueKind.String), name);

    private static string NotNullString(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException($"'{name}' must be a string, not {value.ValueKind}.");

    private static int RequiredInt(JsonElement parent, string name) =>
        Required(parent, name, JsonValueKind.Number).TryGetInt32(out var value)
            ? value
            : throw new JsonException($"'{name}' must be a whole number that fits in 32 bits.");
}
