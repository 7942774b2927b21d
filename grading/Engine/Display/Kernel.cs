using Microsoft.AspNetCore.Html;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// The helpers a notebook cell has in scope (the real kernel runs
/// <c>using static Microsoft.DotNet.Interactive.Kernel;</c> first): <c>display</c>, <c>HTML</c>, <c>CSS</c>,
/// <c>Javascript</c>. Same names and behaviour as .NET Interactive.
/// </summary>
public static class Kernel
{
    /// <summary>Shows <paramref name="value"/> in the cell's outputs,
    /// with its preferred or the given MIME types.</summary>
    /// <param name="value">What to show.</param>
    /// <param name="mimeTypes">MIME types to format it as; none for the preferred one.</param>
    /// <returns>A handle whose <see cref="DisplayedValue.Update"/> replaces the output.</returns>
#pragma warning disable IDE1006 // The real kernel's name is lower case; notebooks call it as display(...).
    public static DisplayedValue display(object? value, params string[] mimeTypes) => new(value, mimeTypes);
#pragma warning restore IDE1006

    /// <summary>Raw HTML that displays as <c>text/html</c> without encoding.</summary>
    /// <param name="content">The HTML.</param>
    /// <returns>An <see cref="IHtmlContent"/>.</returns>
    public static IHtmlContent HTML(string content) => new HtmlString(content);

    /// <summary>Adds a <c>&lt;style&gt;</c> element with <paramref name="content"/> to the page,
    /// through a displayed script.</summary>
    /// <param name="content">CSS rules (single quotes must be escaped, as in the real kernel,
    /// which embeds them in a JS string).</param>
    public static void CSS(string content) =>
        // The kernel's own script (from a StackOverflow answer), so saved notebooks look the same.
        Javascript($$"""

                    var css = '{{content}}',
                    head = document.head || document.getElementsByTagName('head')[0],
                    style = document.createElement('style');

                    head.appendChild(style);

                    style.type = 'text/css';
                    if (style.styleSheet){
                      // This is required for IE8 and below.
                      style.styleSheet.cssText = css;
                    } else {
                      style.appendChild(document.createTextNode(css));
                    }
        """);

    /// <summary>Displays <paramref name="scriptContent"/> as a <c>&lt;script&gt;</c> element.</summary>
    /// <param name="scriptContent">JavaScript code.</param>
    public static void Javascript(string scriptContent) =>
        display(new HtmlString($"<script type=\"text/javascript\">{scriptContent}</script>"), "text/html");
}
