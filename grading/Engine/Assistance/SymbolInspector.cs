using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookEngine;

/// <summary>
/// Finds the symbol at or just before a cursor (or, between a call's parentheses, the method called) and describes it:
/// every overload of a method group, then the documentation summary of the one the code binds to.
/// </summary>
internal static class SymbolInspector
{
    /// <summary>The inspection of the symbol at <paramref name="cursor"/>, or null when there is none.</summary>
    public static Inspection? Inspect(
        SubmissionDocument document,
        int cursor,
        DocumentationFiles documentation,
        CancellationToken cancellationToken)
    {
        var root = document.Tree.GetRoot(cancellationToken);
        if (CodeContext.IsInCommentOrString(root, cursor) || NodeAt(root, cursor) is not { } node)
        {
            return null;
        }

        var (primary, overloads) = SymbolsOf(document.Model, node, cancellationToken);
        if (primary is null)
        {
            return null;
        }

        var signatures = overloads
            .Select(symbol => SymbolSignature.Format(symbol, document.Model, node.SpanStart))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var summary = documentation.SummaryOf(primary, document.Compilation);
        var plain = string.Join('\n', signatures) + (summary is null ? "" : $"\n\n{summary.PlainText}");
        var markdown = $"```csharp\n{string.Join('\n', signatures)}\n```"
            + (summary is null ? "" : $"\n\n{summary.Markdown}");
        return new Inspection(plain, markdown);
    }

    // The name the cursor is in or right after; else, inside a call's argument list, the called expression.
    private static SyntaxNode? NodeAt(SyntaxNode root, int cursor)
    {
        foreach (var position in (int[])[cursor, cursor - 1])
        {
            if (position < 0 || position >= root.FullSpan.End)
            {
                continue;
            }

            var token = root.FindToken(position);
            if (token.Span.Contains(position) && IsNameLike(token) && token.Parent is { } parent)
            {
                return parent;
            }
        }

        var before = CodeContext.TokenBefore(root, cursor);
        return before.Parent?.AncestorsAndSelf().OfType<ArgumentListSyntax>().FirstOrDefault()?.Parent switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name,
            InvocationExpressionSyntax invocation => invocation.Expression,
            BaseObjectCreationExpressionSyntax creation => creation,
            _ => null,
        };
    }

    private static bool IsNameLike(SyntaxToken token) =>
        token.IsKind(SyntaxKind.IdentifierToken) || SyntaxFacts.IsPredefinedType(token.Kind());

    // The symbol to describe first, and all symbols to list (a method's whole group, so every overload shows).
    private static (ISymbol? Primary, IReadOnlyList<ISymbol> All) SymbolsOf(
        SemanticModel model,
        SyntaxNode node,
        CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(node, cancellationToken) is { } declared)
        {
            return (declared, [declared]);
        }

        var info = model.GetSymbolInfo(node, cancellationToken);
        var primary = info.Symbol
            ?? info.CandidateSymbols.FirstOrDefault()
            ?? model.GetTypeInfo(node, cancellationToken).Type;
        if (primary is null or ITypeSymbol { TypeKind: TypeKind.Error })
        {
            return (null, []);
        }

        if (primary is IAliasSymbol alias)
        {
            primary = alias.Target;
        }

        var group = node is ExpressionSyntax ? model.GetMemberGroup(node, cancellationToken) : [];
        if (primary is IMethodSymbol && group.Length > 0)
        {
            // The overload the call binds to leads; the rest follow in declaration order.
            return (
                primary,
                [primary, .. group.Where(method => !SymbolEqualityComparer.Default.Equals(method, primary))]);
        }

        return (primary, info.CandidateSymbols.Length > 1 ? info.CandidateSymbols : [primary]);
    }
}
