using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Grading.Exports;

/// <summary>
/// Student markdown as HTML that cannot run: raw HTML is shown as text, links and images keep only safe schemes
/// (http, https, mailto, or a relative address; never javascript:, data: or vbscript:), and markdown nested deeper than
/// a reader would ever write (200 '&gt;' quotes) is shown as plain text instead of being parsed at all.
/// </summary>
internal static class SafeMarkdown
{
    /// <summary>Deeper block nesting than this is shown as text.</summary>
    public const int MaxNesting = 32;

    /// <summary>Where an unsafe link points instead.</summary>
    public const string BlockedUrl = "#unsafe-link-removed";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>The HTML for <paramref name="markdown"/>.</summary>
    public static string ToHtml(string markdown)
    {
        if (NestingDepth(markdown) > MaxNesting)
        {
            return PlainText(markdown);
        }

        try
        {
            var document = Markdown.Parse(markdown, Pipeline);
            foreach (var link in document.Descendants<LinkInline>())
            {
                if (!IsSafeUrl(link.Url))
                {
                    link.Url = BlockedUrl;
                }
            }

            foreach (var link in document.Descendants<AutolinkInline>())
            {
                if (!IsSafeUrl(link.Url))
                {
                    link.Url = BlockedUrl;
                }
            }

            return document.ToHtml(Pipeline);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig gave up on this text: show it as it was written.
            return PlainText(markdown);
        }
    }

    /// <summary>True for a relative address or one whose scheme is http, https or mailto.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Browsers drop ASCII whitespace and control characters inside a scheme ("java\tscript:"), so do the same
        // first.
        var compact = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon))
        {
            return true;
        }

        return SafeSchemes.Contains(compact[..colon].ToLowerInvariant());
    }

    /// <summary>The deepest nesting of quotes and list items at the start of any line.</summary>
    public static int NestingDepth(string markdown)
    {
        var deepest = 0;
        foreach (var line in markdown.Split('\n'))
        {
            var depth = 0;
            var indentation = 0;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == ' ')
                {
                    indentation++;
                }
                else if (c == '\t')
                {
                    indentation += 4;
                }
                else if (c == '>')
                {
                    depth++;
                }
                else if (c is '-' or '*' or '+' && i + 1 < line.Length && line[i + 1] == ' ')
                {
                    depth++;
                }
                else
                {
                    break;
                }
            }

            deepest = Math.Max(deepest, depth + indentation / 2);
        }

        return deepest;
    }

    private static string PlainText(string markdown) => $"<pre>{System.Net.WebUtility.HtmlEncode(markdown)}</pre>";
}
