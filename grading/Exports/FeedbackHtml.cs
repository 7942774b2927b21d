using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Grading.Gradebook;
using Grading.Notebooks;

namespace Grading.Exports;

/// <summary>
/// A student's report for one notebook: the score, a table of graded cells with their reasons, then the notebook as
/// graded: markdown, the student's code and outputs. Test cells show only their visible part and outputs, never the
/// code of hidden tests.
/// </summary>
internal static class FeedbackHtml
{
    private static readonly Markdig.MarkdownPipeline SafeMarkdown = Markdig.MarkdownExtensions.DisableHtml(new Markdig.MarkdownPipelineBuilder()).Build();

    public static string Render(NotebookGrade grade, Notebook? executed, Notebook released)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode($"{grade.Notebook} — {grade.Student}")).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}")
            .Append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top}")
            .Append(".passed{color:#17612a}.failed{color:#a11}.partial{color:#8a5a00}pre{background:#f6f8fa;padding:.6rem;overflow-x:auto}")
            .Append(".cell{border-left:4px solid #ddd;margin:1rem 0;padding-left:.8rem}.graded{border-left-color:#36c}.score{font-size:1.6rem}")
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

        html.Append("<table id=\"scores\"><thead><tr><th>cell</th><th>kind</th><th>score</th><th>what to do</th></tr></thead><tbody>\n");
        foreach (var cell in grade.Cells)
        {
            var score = cell.NeedsManualGrade ? "awaiting a grader" : $"{Format(cell.Score)} / {Format(cell.MaxScore)}";
            var advice = string.Join(" ", new[] { cell.Reason, cell.Comment }.Concat(cell.TamperNotes).OfType<string>());
            html.Append($"<tr class=\"{Encode(cell.Status)}\"><td>{Encode(cell.GradeId)}</td><td>{cell.Kind}</td><td>{score}</td><td>{Encode(advice)}</td></tr>\n");
        }

        html.Append($"</tbody><tfoot><tr><th colspan=\"2\">total</th><th>{Format(grade.Score)} / {Format(grade.MaxScore)}</th><th></th></tr></tfoot></table>\n");
        if (executed is not null)
        {
            html.Append("<h2>Your notebook, as graded</h2>\n");
            foreach (var cell in executed.Cells)
            {
                AppendCell(html, cell, released);
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void AppendCell(StringBuilder html, NotebookCell cell, Notebook released)
    {
        var isTest = cell.Nbgrader is { IsAutogradedTest: true };
        html.Append($"<div class=\"cell{(cell.Nbgrader is { Grade: true } ? " graded" : "")}\">");
        if (cell.GradeId is { } id)
        {
            html.Append($"<p><small>{Encode(id)}</small></p>");
        }

        // A test cell shows the student's released copy (visible tests only), never the restored hidden tests.
        var source = isTest ? released.Cells.FirstOrDefault(c => c.GradeId == cell.GradeId)?.Source ?? "" : cell.Source;
        // Markdown is rendered with HTML disabled: a student's answer is shown as text, never as markup that runs.
        html.Append(cell.IsCode ? $"<pre><code>{Encode(source)}</code></pre>" : $"<div class=\"markdown\">{Markdig.Markdown.ToHtml(source, SafeMarkdown)}</div>");
        foreach (var output in cell.Json["outputs"] as JsonArray ?? [])
        {
            AppendOutput(html, output!.AsObject());
        }

        html.Append("</div>\n");
    }

    private static void AppendOutput(StringBuilder html, JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                html.Append($"<pre class=\"stream\">{Encode(Text(output["text"]))}</pre>");
                break;
            case "error":
                html.Append($"<pre class=\"failed\">{Encode(output["evalue"]?.GetValue<string>() ?? "")}</pre>");
                break;
            case "display_data" or "execute_result":
                var data = output["data"]?.AsObject();
                // Charts and tables are the student's own outputs: shown as the notebook showed them.
                html.Append(data?["text/html"] is { } rich ? $"<div class=\"display\">{Text(rich)}</div>" : $"<pre>{Encode(Text(data?["text/plain"]))}</pre>");
                break;
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonValue value => value.GetValue<string>(),
        _ => "",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Format(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
