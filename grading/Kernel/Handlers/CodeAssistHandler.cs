using System.Text.Json.Nodes;
using NotebookEngine;
using NotebookKernel.Server;
using NotebookKernel.Wire;

namespace NotebookKernel.Handlers;

/// <summary>
/// is_complete_request, complete_request and inspect_request over the session's <see cref="CodeAssistant"/>. Jupyter
/// counts cursor positions in code points, C# strings in UTF-16 units: converted both ways here.
/// </summary>
internal sealed class CodeAssistHandler(Task<NotebookSession> session)
{
    // Clients wait for these replies (jupyter_kernel_test without a timeout):
    // a reply always goes out, empty if need be.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    /// <summary>is_complete_reply: incomplete (with an indent) while a block or expression is open,
    /// invalid on a syntax error.</summary>
    public static JsonObject IsComplete(JupyterMessage request) => CodeAssistant.Classify(request.Text("code")) switch
    {
        SubmissionCompleteness.Incomplete => new JsonObject { ["status"] = "incomplete", ["indent"] = "" },
        SubmissionCompleteness.Invalid => new JsonObject { ["status"] = "invalid" },
        _ => new JsonObject { ["status"] = "complete" },
    };

    /// <summary>complete_reply: names that complete the identifier at the cursor,
    /// variables of earlier cells included.</summary>
    public JsonObject Complete(JupyterMessage request)
    {
        var code = request.Text("code");
        var cursor = CodePoints.ToUtf16(code, request.Number("cursor_pos") ?? int.MaxValue);
        var matches = new JsonArray();
        var (start, end) = (cursor, cursor);
        try
        {
            using var budget = new CancellationTokenSource(Budget);
            var assistant = session.WaitAsync(budget.Token).GetAwaiter().GetResult().Assistant;
            var list = assistant.CompleteAsync(code, cursor, budget.Token)
                .WaitAsync(budget.Token)
                .GetAwaiter()
                .GetResult();
            foreach (var match in list.Matches)
            {
                matches.Add(match);
            }

            (start, end) = (list.CursorStart, list.CursorEnd);
        }
        catch (Exception exception)
            when (exception is OperationCanceledException or InvalidOperationException or ArgumentException)
        {
            KernelLog.Write($"complete: {exception.Message}");
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = matches,
            ["cursor_start"] = CodePoints.FromUtf16(code, start),
            ["cursor_end"] = CodePoints.FromUtf16(code, end),
            ["metadata"] = new JsonObject(),
        };
    }

    /// <summary>inspect_reply: the signature(s) and XML-doc summary of the symbol at the cursor.</summary>
    public JsonObject Inspect(JupyterMessage request)
    {
        var code = request.Text("code");
        var cursor = CodePoints.ToUtf16(code, request.Number("cursor_pos") ?? int.MaxValue);
        var data = new JsonObject();
        try
        {
            using var budget = new CancellationTokenSource(Budget);
            var assistant = session.WaitAsync(budget.Token).GetAwaiter().GetResult().Assistant;
            if (assistant.InspectAsync(code, cursor, budget.Token)
                    .WaitAsync(budget.Token)
                    .GetAwaiter()
                    .GetResult() is { } found)
            {
                data["text/plain"] = found.PlainText;
                if (found.Markdown is { } markdown)
                {
                    data["text/markdown"] = markdown;
                }
            }
        }
        catch (Exception exception)
            when (exception is OperationCanceledException or InvalidOperationException or ArgumentException)
        {
            KernelLog.Write($"inspect: {exception.Message}");
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = data.Count > 0,
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        };
    }
}
