using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NotebookKernel.Wire;

namespace NotebookKernel.Handlers;

/// <summary>is_complete_request, complete_request and inspect_request.</summary>
internal sealed class CodeAssistHandler(ExecuteHandler execution)
{
    private static readonly CSharpParseOptions ScriptParsing = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>is_complete_reply: incomplete (with an indent) while a block or expression is open, invalid on a syntax error.</summary>
    public static JsonObject IsComplete(JupyterMessage request)
    {
        var tree = CSharpSyntaxTree.ParseText(request.Text("code"), ScriptParsing);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            return new JsonObject { ["status"] = "incomplete", ["indent"] = "    " };
        }

        var invalid = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return new JsonObject { ["status"] = invalid ? "invalid" : "complete" };
    }

    /// <summary>complete_reply: no suggestions until the session's code assistant is available.</summary>
    public JsonObject Complete(JupyterMessage request)
    {
        var cursor = request.Number("cursor_pos") ?? request.Text("code").Length;
        _ = execution;
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(),
            ["cursor_start"] = cursor,
            ["cursor_end"] = cursor,
            ["metadata"] = new JsonObject(),
        };
    }

    /// <summary>inspect_reply: nothing found until the session's code assistant is available.</summary>
    public static JsonObject Inspect(JupyterMessage request)
    {
        _ = request;
        return new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() };
    }
}
