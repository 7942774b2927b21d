using Grading.Exports;

namespace Grading.Tests;

/// <summary>Student markdown becomes HTML that cannot run.</summary>
public class SafeMarkdownTests
{
    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](  javascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    public void UnsafeLinks_PointNowhere(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.DoesNotMatch("(?i)(href|src)=\"\\s*(javascript|data|vbscript):", html);
        Assert.Matches("(href|src)=\"#unsafe-link-removed\"", html);
    }

    [Theory]
    [InlineData("[x](https://example.org/a)", "href=\"https://example.org/a\"")]
    [InlineData("[x](mailto:a@example.org)", "href=\"mailto:a@example.org\"")]
    [InlineData("[x](notes/a.md#top)", "href=\"notes/a.md#top\"")]
    public void SafeLinks_AreKept(string markdown, string expected) =>
        Assert.Contains(expected, SafeMarkdown.ToHtml(markdown));

    [Fact]
    public void RawHtml_IsShownAsText() =>
        Assert.Contains("&lt;script&gt;", SafeMarkdown.ToHtml("<script>alert(1)</script>"));

    [Fact]
    public void MarkdownNested200Deep_IsShownAsText_InsteadOfParsed()
    {
        var html = SafeMarkdown.ToHtml(new string('>', 200) + " deep");
        Assert.StartsWith("<pre>&gt;&gt;&gt;", html);
        Assert.Equal(200, SafeMarkdown.NestingDepth(new string('>', 200)));
    }

    [Fact]
    public void OrdinaryNesting_IsRendered() =>
        Assert.Contains("<blockquote>", SafeMarkdown.ToHtml("> > quoted twice"));
}
