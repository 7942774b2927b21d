using System.Collections.Immutable;
using System.ComponentModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookEngine;

/// <summary>
/// Completion from the semantic model: members after a dot (instance, static, extension methods), otherwise every
/// name in scope (earlier cells' variables and functions, imported types, <c>using static</c> members) and keywords.
/// </summary>
internal static class CompletionFinder
{
    // var and dynamic are identifiers to Roslyn's syntax facts, but people type them as keywords.
    private static readonly ImmutableArray<string> Keywords = [.. SyntaxFacts.GetKeywordKinds()
        .Concat(SyntaxFacts.GetContextualKeywordKinds())
        .Select(SyntaxFacts.GetText)
        .Where(text => text.Length > 0 && char.IsAsciiLetterLower(text[0]))
        .Concat(["var", "dynamic"])
        .Distinct(StringComparer.Ordinal)];

    /// <summary>Matches for the identifier at <paramref name="cursor"/> (a UTF-16 index into the cell).</summary>
    public static CompletionList Find(
        SubmissionDocument document,
        string code,
        int cursor,
        CancellationToken cancellationToken)
    {
        var root = document.Tree.GetRoot(cancellationToken);
        if (IdentifierSpan.Around(code, cursor) is not var (start, end)
            || CodeContext.IsInCommentOrString(root, cursor))
        {
            return new CompletionList([], cursor, cursor);
        }

        var prefix = code[start..cursor];
        var candidates = Candidates(document.Model, root, start, cancellationToken);
        var matches = candidates
            .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(NameOrder.Instance)
            .ToList();
        return new CompletionList(matches, start, end);
    }

    private static IEnumerable<string> Candidates(
        SemanticModel model,
        SyntaxNode root,
        int position,
        CancellationToken cancellationToken)
    {
        var before = CodeContext.TokenBefore(root, position);
        if (before.IsKind(SyntaxKind.DotToken))
        {
            return MemberContainer(before) is { } container
                ? Names(MembersOf(model, container, position, cancellationToken))
                : [];
        }

        if (before.IsKind(SyntaxKind.NewKeyword)
            || before.Parent?.FirstAncestorOrSelf<UsingDirectiveSyntax>() is not null)
        {
            return Names(model.LookupNamespacesAndTypes(position));
        }

        return Names(model.LookupSymbols(position)).Concat(Keywords);
    }

    // The expression left of the dot: a.b, A.B in a type position, and a?.b (whose left is the conditional access's).
    private static ExpressionSyntax? MemberContainer(SyntaxToken dot) => dot.Parent switch
    {
        MemberAccessExpressionSyntax access when access.OperatorToken == dot => access.Expression,
        QualifiedNameSyntax name when name.DotToken == dot => name.Left,
        MemberBindingExpressionSyntax binding =>
            binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
        _ => null,
    };

    private static IEnumerable<ISymbol> MembersOf(
        SemanticModel model,
        ExpressionSyntax container,
        int position,
        CancellationToken cancellationToken)
    {
        var (symbol, type) = Bind(model, container, cancellationToken);
        switch (symbol)
        {
            case INamespaceSymbol space:
                return model.LookupNamespacesAndTypes(position, space);
            case ITypeSymbol staticContainer:
                return model.LookupStaticMembers(position, staticContainer).Where(IsBrowsable);
            default:
                if (type is null || type.TypeKind == TypeKind.Error)
                {
                    return [];
                }

                return model.LookupSymbols(position, type, includeReducedExtensionMethods: true)
                    .Where(member => !member.IsStatic
                        || member is IMethodSymbol { MethodKind: MethodKind.ReducedExtension })
                    .Where(IsBrowsable);
        }
    }

    // What the left of a dot denotes. A name parsed in a type position (x.Fo in a script can read as a qualified type
    // of a declaration) binds as nothing there, so it is bound again as an expression.
    private static (ISymbol? Symbol, ITypeSymbol? Type) Bind(
        SemanticModel model,
        ExpressionSyntax expression,
        CancellationToken cancellationToken)
    {
        var symbol = Single(model.GetSymbolInfo(expression, cancellationToken));
        var type = model.GetTypeInfo(expression, cancellationToken).Type;
        if (symbol is null && type is null or { TypeKind: TypeKind.Error })
        {
            symbol = Single(model.GetSpeculativeSymbolInfo(
                expression.SpanStart,
                expression,
                SpeculativeBindingOption.BindAsExpression));
            type = model.GetSpeculativeTypeInfo(
                expression.SpanStart,
                expression,
                SpeculativeBindingOption.BindAsExpression).Type;
        }

        if (symbol is IAliasSymbol alias)
        {
            symbol = alias.Target;
        }

        return (symbol, type ?? TypeOf(symbol));
    }

    private static ISymbol? Single(SymbolInfo info) =>
        info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);

    private static ITypeSymbol? TypeOf(ISymbol? symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    private static IEnumerable<string> Names(IEnumerable<ISymbol> symbols) =>
        symbols.Where(symbol => symbol.CanBeReferencedByName).Select(symbol => symbol.Name);

    // Members marked [EditorBrowsable(Never)] are there for compilers and serializers; editors hide them too.
    private static bool IsBrowsable(ISymbol symbol) => !symbol.GetAttributes().Any(attribute =>
        attribute.AttributeClass is { Name: nameof(EditorBrowsableAttribute) } &&
        attribute.ConstructorArguments is [{ Value: int state }] && state == (int)EditorBrowsableState.Never);

    /// <summary>Case-insensitive order, ties broken by ordinal (Count before count),
    /// so the list reads like a dictionary.</summary>
    private sealed class NameOrder : IComparer<string>
    {
        public static readonly NameOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var ignoringCase = StringComparer.OrdinalIgnoreCase.Compare(x, y);
            return ignoringCase != 0 ? ignoringCase : StringComparer.Ordinal.Compare(x, y);
        }
    }
}
