using System.Text.Json.Nodes;

namespace NotebookKernel.Wire;

/// <summary>One Jupyter message: routing identities, the four JSON parts and any binary buffers.</summary>
/// <param name="Identities">ZeroMQ routing frames before the delimiter (a reply goes back with them).</param>
/// <param name="Header">msg_id, session, username, date, msg_type, version.</param>
/// <param name="ParentHeader">The header of the request this answers; empty for none.</param>
/// <param name="Metadata">Free-form metadata.</param>
/// <param name="Content">The message body.</param>
/// <param name="Buffers">Binary frames after the content (widgets); kept so nothing desynchronises.</param>
internal sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    JsonObject Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The header's msg_type.</summary>
    public string Type => Header["msg_type"]?.GetValue<string>() ?? "";

    /// <summary>A boolean of the content, or <paramref name="fallback"/> when absent or not a boolean.</summary>
    public bool Flag(string name, bool fallback) =>
        Content[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    /// <summary>A string of the content, or "" when absent or not a string.</summary>
    public string Text(string name) =>
        Content[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    /// <summary>An integer of the content, or null when absent or not an integer.</summary>
    public int? Number(string name) =>
        Content[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
