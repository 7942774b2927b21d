using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NotebookEngine;
using NotebookEngine.Analysis;

namespace Grading.Running.Worker;

// The line protocol between the grader and a worker, one JSON object per line: the grader writes requests and reads
// events through the source-generated serializer below; the worker reads and writes the same lines with
// System.Text.Json's reader and writer (WorkerSideJson), held to the serializer by the tests. The grader sends a header
// with a secret nonce, then one cell at a time with a fresh secret of its own, so a later cell (a hidden test) and its
// secret are not in the worker's memory while student code runs. The worker answers with events that carry the nonce,
// and the cell's secret for that cell's start and result; lines without them, or that do not parse as an event, are
// student output that escaped the engine's capture (or a forgery), and are ignored.

/// <summary>A message from the grader to a worker; the "request" field names its kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "request")]
[JsonDerivedType(typeof(WorkerHeader), "header")]
[JsonDerivedType(typeof(CellRequest), "cell")]
[JsonDerivedType(typeof(EndRequest), "end")]
internal abstract record WorkerRequest;

/// <summary>The first request: the nonce every event must carry and the limits the worker's session runs
/// under.</summary>
/// <param name="Nonce">A secret known to the grader and the worker only, until student code runs.</param>
/// <param name="CellTimeoutSeconds">The engine's per-cell timeout.</param>
/// <param name="OutputLimitBytes">The engine's per-cell output cap.</param>
/// <param name="KernelHelpers">For a worker that runs cells the grader compiled, the chain's hidden first submission;
/// null for a worker that compiles each cell itself.</param>
internal sealed record WorkerHeader(
    string Nonce,
    double CellTimeoutSeconds,
    int OutputLimitBytes,
    PrecompiledCell? KernelHelpers = null) : WorkerRequest;

/// <summary>One cell to run, with the secret its start and result events must carry.</summary>
/// <param name="Cell">The cell's index in the notebook.</param>
/// <param name="Source">The cell's code.</param>
/// <param name="Secret">This cell's secret, sent only now.</param>
/// <param name="Compiled">The cell's code as the grader compiled it, for a precompiled worker; null when nothing of it
/// is C#, or for a worker that compiles.</param>
internal sealed record CellRequest(int Cell, string Source, string Secret, PrecompiledCell? Compiled = null)
    : WorkerRequest;

/// <summary>No more cells: the worker exits.</summary>
internal sealed record EndRequest : WorkerRequest;

/// <summary>A message from a worker to the grader; the "event" field names its kind.</summary>
/// <param name="Nonce">The header's nonce: a line without it is not an event.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(WorkerReady), "ready")]
[JsonDerivedType(typeof(CellStarted), "start")]
[JsonDerivedType(typeof(CellFinished), "result")]
internal abstract record WorkerEvent(string Nonce);

/// <summary>The worker started its session and waits for cells.</summary>
/// <param name="Nonce">The header's nonce.</param>
internal sealed record WorkerReady(string Nonce) : WorkerEvent(Nonce);

/// <summary>The worker is about to run a cell: if it dies now, this cell is the one that killed it.</summary>
/// <param name="Nonce">The header's nonce.</param>
/// <param name="Cell">The cell's index.</param>
/// <param name="Secret">The cell's secret.</param>
internal sealed record CellStarted(string Nonce, int Cell, string Secret) : WorkerEvent(Nonce);

/// <summary>A cell finished (succeeded or failed) with its outputs.</summary>
/// <param name="Nonce">The header's nonce.</param>
/// <param name="Cell">The cell's index.</param>
/// <param name="Secret">The cell's secret.</param>
/// <param name="Status">How the engine says the cell ended.</param>
/// <param name="ElapsedMs">The cell's execution time as the worker measured it.</param>
/// <param name="Failure">Why it failed, for a student; null when it succeeded.</param>
/// <param name="Numeric">The cell's trailing numeric value (partial credit), if any; NaN and the infinities travel as
/// the strings "NaN", "Infinity" and "-Infinity".</param>
/// <param name="Outputs">nbformat output objects; checked against the schema by the grader, so any JSON is accepted
/// here.</param>
internal sealed record CellFinished(string Nonce, int Cell, string Secret, CellStatus Status, double ElapsedMs,
    string? Failure,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double? Numeric,
    JsonNode? Outputs) : WorkerEvent(Nonce);

/// <summary>
/// The grader's serializer, and the reference the worker's side is tested against. Required constructor parameters
/// and nullable annotations are enforced, so a line that lacks a field or has one of the wrong type does not parse
/// (rather than arriving with a null nobody expected).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(WorkerEvent))]
internal sealed partial class WorkerProtocolJson : JsonSerializerContext;

/// <summary>Writes and reads protocol lines; reading never throws on what a line contains.</summary>
internal static class WorkerProtocol
{
    /// <summary>One request as a line of JSON (no newline).</summary>
    public static string Write(WorkerRequest request) =>
        JsonSerializer.Serialize(request, WorkerProtocolJson.Default.WorkerRequest);

    /// <summary>One event as a line of JSON (no newline); the worker's side, see
    /// <see cref="WorkerSideJson"/>.</summary>
    public static string Write(WorkerEvent message) => WorkerSideJson.Write(message);

    /// <summary>The request on <paramref name="line"/>, or null with <paramref name="problem"/> saying why it is not
    /// one; the worker's side, see <see cref="WorkerSideJson"/>.</summary>
    public static WorkerRequest? ReadRequest(string line, out string? problem) =>
        WorkerSideJson.ReadRequest(line, out problem);

    /// <summary>
    /// The event on <paramref name="line"/> when it is one carrying <paramref name="nonce"/>; null for anything else
    /// (student output, a forgery, a torn or malformed line), which the grader ignores.
    /// </summary>
    public static WorkerEvent? ReadEvent(string line, string nonce)
    {
        // Cheap filter first: almost every stray line is plain student text, not worth a parse.
        if (!line.StartsWith('{') || !line.Contains(nonce, StringComparison.Ordinal))
        {
            return null;
        }

        return Read(line, WorkerProtocolJson.Default.WorkerEvent, out _) is { } message && message.Nonce == nonce
            ? message
            : null;
    }

    private static T? Read<T>(
        string line,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        out string? problem)
        where T : class
    {
        try
        {
            problem = null;
            return JsonSerializer.Deserialize(line, type) ?? throw new JsonException("The line is JSON null.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // NotSupportedException: an unknown or missing "request"/"event" discriminator on an abstract type.
            problem = e.Message;
            return null;
        }
    }
}
