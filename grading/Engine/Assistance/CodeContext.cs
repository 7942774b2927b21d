using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookEngine;

/// <summary>Where a cursor stands in a syntax tree: inside a comment or a string,
/// and which token precedes it.</summary>
internal static class CodeContext
{
    /// <summary>The last token that ends at or before <paramref name="position"/>;
    /// the default token at the start.</summary>
    public static SyntaxToken TokenBefore(SyntaxNode root, int position)
    {
        if (position == 0)
        {
            return default;
        }

        var token = root.FindToken(position - 1);
        // FindToken returns the token whose trivia holds the position, which may lie after it.
        while (token.RawKind != 0 && token.Span.Start >= position)
        {
            token = token.GetPreviousToken();
        }

        return token;
    }

    /// <summary>True when typing at <paramref name="position"/> writes into a comment or a string/char literal's
    /// text.</summary>
    public static bool IsInCommentOrString(SyntaxNode root, int position)
    {
        if (position == 0)
        {
            return false;
        }

        var token = root.FindToken(position - 1, findInsideTrivia: true);
        foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
        {
            if (IsComment(trivia)
                && trivia.Span.Start < position
                && (position < trivia.Span.End || EndsAtLineEnd(trivia, position)))
            {
                return true;
            }
        }

        if (!IsTextLiteral(token) || !token.Span.Contains(position - 1))
        {
            return false;
        }

        // Inside the quotes, or right after an opening quote that is never closed (var s = "abc|).
        return position < token.Span.End || token.ContainsDiagnostics;
    }

    private static bool IsComment(SyntaxTrivia trivia) => trivia.Kind() is SyntaxKind.SingleLineCommentTrivia
        or SyntaxKind.MultiLineCommentTrivia
        or SyntaxKind.SingleLineDocumentationCommentTrivia
        or SyntaxKind.MultiLineDocumentationCommentTrivia;

    // A // comment runs to the end of its line, so its last column is still inside it; a closed /* */ is not.
    private static bool EndsAtLineEnd(SyntaxTrivia trivia, int position) =>
        position == trivia.Span.End
            && (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia)
                || !trivia.ToString().EndsWith("*/", StringComparison.Ordinal));

    private static bool IsTextLiteral(SyntaxToken token) =>
        token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken
        or SyntaxKind.InterpolatedStringTextToken
        or SyntaxKind.SingleLineRawStringLiteralToken
        or SyntaxKind.MultiLineRawStringLiteralToken
        or SyntaxKind.Utf8StringLiteralToken;
}
