using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NotebookEngine;

/// <summary>An XML-doc <c>&lt;summary&gt;</c> rendered for people: as plain text and as Markdown.</summary>
/// <param name="PlainText">Whitespace collapsed, references reduced to names, paragraphs split by blank lines.</param>
/// <param name="Markdown">The same with code and references in backticks.</param>
internal sealed partial record DocSummary(string PlainText, string Markdown)
{
    /// <summary>The rendered summary, or null when it holds no text.</summary>
    public static DocSummary? From(XElement summary)
    {
        var plain = Tidy(Render(summary, markdown: false));
        return plain.Length == 0 ? null : new DocSummary(plain, Tidy(Render(summary, markdown: true)));
    }

    private static string Render(XElement element, bool markdown)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText plain => AnyWhitespace().Replace(plain.Value, " "),
                XElement { Name.LocalName: "see" or "seealso" } reference => Reference(reference, markdown),
                XElement { Name.LocalName: "paramref" or "typeparamref" } name =>
                    Code(name.Attribute("name")?.Value ?? "", markdown),
                XElement { Name.LocalName: "c" } code => Code(code.Value, markdown),
                XElement { Name.LocalName: "code" } block => markdown
                    ? $"\n\n```csharp\n{block.Value.Trim()}\n```\n\n"
                    : $"\n\n{block.Value.Trim()}\n\n",
                XElement { Name.LocalName: "para" } paragraph => $"\n\n{Render(paragraph, markdown)}\n\n",
                XElement { Name.LocalName: "item" } item => $"\n- {Render(item, markdown)}",
                XElement { Name.LocalName: "br" } => "\n",
                XElement other => Render(other, markdown),
                _ => "",
            });
        }

        return text.ToString();
    }

    // <see cref="M:System.Console.WriteLine(System.String)"/> reads "Console.WriteLine"; <see langword="null"/> "null".
    private static string Reference(XElement reference, bool markdown)
    {
        if (!reference.IsEmpty && reference.Value.Trim() is { Length: > 0 } text)
        {
            return text;
        }

        if (reference.Attribute("langword")?.Value is { } keyword)
        {
            return Code(keyword, markdown);
        }

        var target = reference.Attribute("cref")?.Value ?? reference.Attribute("href")?.Value ?? "";
        var kind = target.Length > 1 && target[1] == ':' ? target[0] : 'T';
        var name = GenericArity().Replace(target.Split('(')[0], "");
        name = name.Length > 1 && name[1] == ':' ? name[2..] : name;
        var parts = name.Split('.');
        // A type reads as its own name; a member with its type, as code would call it.
        return Code(kind == 'T' || parts.Length < 2 ? parts[^1] : $"{parts[^2]}.{parts[^1]}", markdown);
    }

    private static string Code(string text, bool markdown) => markdown ? $"`{text}`" : text;

    // Source line breaks are already spaces (AnyWhitespace); the breaks left are the markup's:
    // paragraphs and list items.
    private static string Tidy(string text)
    {
        var paragraphs = ParagraphBreak().Split(text.Trim())
            .Select(paragraph => string.Join(
                '\n',
                paragraph.Split('\n').Select(line => Spaces().Replace(line, " ").Trim())))
            .Where(paragraph => paragraph.Length > 0);
        return string.Join("\n\n", paragraphs).Replace(" \n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex AnyWhitespace();

    [GeneratedRegex("`+[0-9]+")]
    private static partial Regex GenericArity();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"[ \t\r]+")]
    private static partial Regex Spaces();
}
