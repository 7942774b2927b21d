using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookEngine;
using NotebookKernel.Server;
using NotebookKernel.Wire;

namespace NotebookKernel.Handlers;

/// <summary>Publishes a running cell's outputs on IOPub as they happen: stream, display_data, update_display_data,
/// execute_result.</summary>
internal sealed class IopubOutputListener(IopubPublisher iopub, JupyterMessage request, int executionCount)
    : ICellOutputListener
{
    private const int PlainTextLimit = 4096;

    /// <summary>The execute_result's text/plain, for the history's output.</summary>
    public string? ResultText { get; private set; }

    public void OnStream(string name, string text) => iopub.Stream(name, text, request);

    public void OnDisplay(DisplayDataOutput display) => iopub.Publish("display_data", DisplayContent(display), request);

    public void OnUpdate(DisplayDataOutput display) =>
        iopub.Publish("update_display_data", DisplayContent(display), request);

    public void OnResult(IReadOnlyDictionary<string, string> data, object? value)
    {
        var bundle = Bundle(data);
        if (!data.ContainsKey("text/plain"))
        {
            // Jupyter clients expect text/plain in every result (jupyter console shows nothing else).
            bundle["text/plain"] = PlainText(value);
        }

        ResultText = bundle["text/plain"]!.GetValue<string>();
        iopub.Publish("execute_result", new JsonObject
        {
            ["execution_count"] = executionCount,
            ["data"] = bundle,
            ["metadata"] = new JsonObject(),
        }, request);
    }

    private static JsonObject DisplayContent(DisplayDataOutput display)
    {
        var content = new JsonObject { ["data"] = Bundle(display.Data), ["metadata"] = new JsonObject() };
        if (display.DisplayId is { } id)
        {
            content["transient"] = new JsonObject { ["display_id"] = id };
        }

        return content;
    }

    // application/json (and +json) values are JSON on the wire, not strings holding JSON.
    private static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, text) in data)
        {
            bundle[mime] = mime.EndsWith("json", StringComparison.Ordinal) && TryParse(text) is { } json
                ? json
                : TextSanitizer.WellFormed(text);
        }

        return bundle;
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string PlainText(object? value)
    {
        try
        {
            // A chart's plain-text form lists all its data: a console needs a glance, not megabytes.
            var text = value.ToDisplayString("text/plain");
            return TextSanitizer.WellFormed(text.Length <= PlainTextLimit ? text : text[..PlainTextLimit] + "…");
        }
        catch (Exception exception)
        {
            return $"<the value could not be formatted as text: {exception.GetType().Name}: {exception.Message}>";
        }
    }
}
