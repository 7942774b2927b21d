using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grading.Gradebook;
using Grading.Notebooks;

namespace Grading.Exports;

/// <summary>
/// A student's report for one notebook: the score, a table of graded cells with their reasons, then the notebook as
/// graded: markdown, the student's code and outputs. Everything in it is treated as hostile: the page forbids scripts
/// (Content-Security-Policy), markdown is rendered without HTML or unsafe links, rich HTML outputs are shown in a
/// sandboxed frame with no scripts, and test cells show only their released code and a verdict — never the hidden
/// tests' code or what they printed, unless the instructor turned hidden-check detail on.
/// </summary>
internal static class FeedbackHtml
{
    /// <summary>
    /// The page's policy: nothing loads or runs but its own inline styles and inline images; frames hold only the
    /// srcdoc documents below, which inherit this policy and are sandboxed besides.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; " +
        "form-action 'none'";

    /// <summary>What a test cell shows instead of its outputs when hidden-check detail is off.</summary>
    public const string TestOutputsHidden = "Outputs of test cells are not shown here: they include hidden checks. " +
                                            "Run the visible tests in your notebook to see theirs.";

    public static string Render(
        NotebookGrade grade,
        Notebook? executed,
        Notebook released,
        bool showHiddenDetail = false)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\"><title>")
            .Append(Encode($"{grade.Notebook} — {grade.Student}")).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}")
            .Append("table{border-collapse:collapse;width:100%}" +
                    "td,th{border:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top}")
            .Append(".passed{color:#17612a}.failed{color:#a11}.partial{color:#8a5a00}" +
                    "pre{background:#f6f8fa;padding:.6rem;overflow-x:auto}")
            .Append(".cell{border-left:4px solid #ddd;margin:1rem 0;padding-left:.8rem}" +
                    ".graded{border-left-color:#36c}.score{font-size:1.6rem}")
            .Append("iframe.display{width:100%;min-height:8rem;border:1px solid #ddd}")
            .Append("</style></head><body>\n");
        html.Append($"<h1>{Encode(grade.Notebook)}</h1>\n<p>Student: <b>{Encode(grade.Student)}</b></p>\n");
        html.Append($"<p class=\"score\" id=\"total\">Score: <b>{Format(grade.Score)} / {Format(grade.MaxScore)}</b>");
        if (grade.LatePenalty > 0)
        {
            html.Append($" (raw {Format(grade.RawScore)}, late penalty −{Format(grade.LatePenalty)})");
        }

        html.Append("</p>\n");
        if (grade.Error is not null)
        {
            html.Append($"<p class=\"failed\">{Encode(grade.Error)}</p>\n");
        }

        html.Append("<table id=\"scores\"><thead><tr><th>cell</th><th>kind</th><th>score</th>" +
                    "<th>what to do</th></tr></thead><tbody>\n");
        foreach (var cell in grade.Cells)
        {
            var score = cell.NeedsManualGrade ? "awaiting a grader" : $"{Format(cell.Score)} / {Format(cell.MaxScore)}";
            html.Append($"<tr class=\"{Encode(cell.Status.WireName())}\"><td>{Encode(cell.GradeId)}</td><td>" +
                        $"{Encode(cell.Kind.WireName())}</td><td>{score}</td><td>" +
                        $"{Encode(StudentView.Advice(cell, showHiddenDetail))}</td></tr>\n");
        }

        html.Append($"</tbody><tfoot><tr><th colspan=\"2\">total</th><th>{Format(grade.Score)} / " +
                    $"{Format(grade.MaxScore)}</th><th></th></tr></tfoot></table>\n");
        if (executed is not null)
        {
            html.Append("<h2>Your notebook, as graded</h2>\n");
            foreach (var cell in executed.Cells)
            {
                AppendCell(html, cell, released, showHiddenDetail);
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void AppendCell(StringBuilder html, NotebookCell cell, Notebook released, bool showHiddenDetail)
    {
        var isTest = cell.Kind() == CellKind.Tests;
        html.Append($"<div class=\"cell{(cell.Nbgrader is { Grade: true } ? " graded" : "")}\">");
        if (cell.GradeId is { } id)
        {
            html.Append($"<p><small>{Encode(id)}</small></p>");
        }

        // A test cell shows the student's released copy (visible tests only), never the restored hidden tests.
        var source = isTest ? released.Cells.FirstOrDefault(c => c.GradeId == cell.GradeId)?.Source ?? "" : cell.Source;
        html.Append(cell.IsCode
            ? $"<pre><code>{Encode(source)}</code></pre>"
            : $"<div class=\"markdown\">{SafeMarkdown.ToHtml(source)}</div>");
        if (isTest && !showHiddenDetail)
        {
            html.Append($"<p><small>{Encode(TestOutputsHidden)}</small></p></div>\n");
            return;
        }

        foreach (var output in cell.Json["outputs"] as JsonArray ?? [])
        {
            if (output is JsonObject valid)
            {
                AppendOutput(html, valid);
            }
        }

        html.Append("</div>\n");
    }

    private static void AppendOutput(StringBuilder html, JsonObject output)
    {
        switch (Text(output["output_type"]))
        {
            case "stream":
                html.Append($"<pre class=\"stream\">{Encode(Text(output["text"]))}</pre>");
                break;
            case "error":
                html.Append($"<pre class=\"failed\">{Encode(Text(output["evalue"]))}</pre>");
                break;
            case "display_data" or "execute_result":
                var data = output["data"] as JsonObject;
                // Rich HTML (a chart, a table, a #!markdown cell, display(HTML(...))) is the student's own markup: it
                // goes in a frame with no scripts, no forms, no same-origin access, under the page's policy. Everything
                // else is text.
                html.Append(data?["text/html"] is { } rich && Text(rich).Length > 0
                    ? "<iframe class=\"display\" sandbox=\"\" referrerpolicy=\"no-referrer\" " +
                      $"srcdoc=\"{Encode(Text(rich))}\"></iframe>"
                    : $"<pre>{Encode(Text(data?["text/plain"]))}</pre>");
                break;
        }
    }

    /// <summary>
    /// Text of a string or list-of-strings node; anything else (a forged number, an object) is empty.
    /// </summary>
    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines =>
            string.Concat(lines.Select(line =>
                line is JsonValue value && value.GetValueKind() == JsonValueKind.String
                    ? value.GetValue<string>()
                    : "")),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => "",
    };

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Format(double value) =>
        value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
