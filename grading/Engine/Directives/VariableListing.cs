using System.Net;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookEngine;

/// <summary>
/// <c>#!who</c> and <c>#!whos</c> as the kernel's KernelValuesFormatter shows them: only the latest variable of each
/// name; <c>#!who</c> the names joined by a tab, <c>#!whos</c> a Variable / Type / Value table.
/// </summary>
internal static class VariableListing
{
    public static string ToHtml(ScriptState state, bool detailed)
    {
        var variables = state.Variables.GroupBy(v => v.Name).Select(g => g.Last()).ToArray();
        if (!detailed)
        {
            return "<div>" + string.Join("\t ", variables.Select(v => WebUtility.HtmlEncode(v.Name))) + "</div>";
        }

        var rows = variables.Select(v =>
            $"<tr><td>{WebUtility.HtmlEncode(v.Name)}</td><td>{WebUtility.HtmlEncode(v.Type.Name)}</td>" +
            $"<td><div class=\"dni-plaintext\"><pre>{WebUtility.HtmlEncode(v.Value.ToDisplayString())}</pre></div>" +
            "</td></tr>");
        return "<table><thead><tr><th>Variable</th><th>Type</th><th>Value</th></tr></thead><tbody>"
            + string.Concat(rows)
            + "</tbody></table>";
    }
}
