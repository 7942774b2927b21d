using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookKernel.Wire;

/// <summary>
/// Jupyter's wire format:
/// <c>[identities…] "&lt;IDS|MSG&gt;" signature header parent_header metadata content [buffers…]</c>. Verifies over the
/// frames exactly as received (never re-serialised) and signs exactly the bytes it sends.
/// </summary>
internal sealed class WireCodec(MessageSigner signer)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>One session id per kernel process, in every header it sends.</summary>
    public string Session { get; } = Guid.NewGuid().ToString();

    /// <summary>Decodes a whole multipart message.</summary>
    /// <returns>The message, or null with <paramref name="problem"/> saying why it was dropped.</returns>
    public JupyterMessage? Decode(IReadOnlyList<byte[]> frames, out string problem)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }

        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            problem = $"malformed message: {frames.Count} frames, " +
                      $"{(delimiter < 0 ? "no <IDS|MSG> delimiter" : "fewer than 5 after the delimiter")}";
            return null;
        }

        var parts = new[]
        {
            frames[delimiter + 2],
            frames[delimiter + 3],
            frames[delimiter + 4],
            frames[delimiter + 5],
        };
        if (!signer.Verify(frames[delimiter + 1], parts))
        {
            problem = "invalid signature: message dropped (is the key in the connection file the client's?)";
            return null;
        }

        try
        {
            var objects = parts.Select(p => JsonNode.Parse(p.Length == 0 ? "{}"u8 : p) as JsonObject).ToArray();
            if (objects.Any(o => o is null))
            {
                problem = "malformed message: header, parent_header, metadata and content must be JSON objects";
                return null;
            }

            problem = "";
            return new JupyterMessage(
                frames.Take(delimiter).ToArray(),
                objects[0]!,
                objects[1]!,
                objects[2]!,
                objects[3]!,
                frames.Skip(delimiter + 6).ToArray());
        }
        catch (JsonException exception)
        {
            problem = $"malformed JSON in a message: {exception.Message}";
            return null;
        }
    }

    /// <summary>Encodes a new message of <paramref name="type"/> answering <paramref name="parent"/>
    /// (null for none).</summary>
    /// <param name="type">msg_type.</param>
    /// <param name="content">The body.</param>
    /// <param name="parent">The request; its header becomes the parent header, its identities route the reply.</param>
    /// <param name="identities">Routing frames to use instead of the parent's (IOPub topic).</param>
    public List<byte[]> Encode(
        string type,
        JsonObject content,
        JupyterMessage? parent,
        IReadOnlyList<byte[]>? identities = null)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString(),
            ["session"] = Session,
            ["username"] = "kernel",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        };
        byte[][] parts =
        [
            Serialize(header),
            parent is null ? "{}"u8.ToArray() : Serialize(parent.Header),
            "{}"u8.ToArray(),
            Serialize(content),
        ];
        var frames = new List<byte[]>(identities ?? parent?.Identities ?? [])
        {
            Delimiter,
            Encoding.ASCII.GetBytes(signer.Sign(parts)),
        };
        frames.AddRange(parts);
        return frames;
    }

    private static byte[] Serialize(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node);
}
