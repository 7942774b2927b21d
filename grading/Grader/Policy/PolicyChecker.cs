using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NotebookEngine.Analysis;

namespace Grading.Policy;

/// <summary>
/// Checks one student cell against a policy before it runs: every name the compiler binds (types, members,
/// constructors, extension methods, the type behind <c>var</c>, type arguments) must be allowed unless the notebook's
/// own cells declare it, and the constructs that leave managed safety are refused whatever they name.
/// </summary>
internal static class PolicyChecker
{
    /// <summary>Each distinct refused API of the cell once, at its first line.</summary>
    public static IReadOnlyList<PolicyViolation> Check(CompiledCell cell, ApiPolicy policy)
    {
        if (cell.Model is not { } model)
        {
            return [];
        }

        var found = new Dictionary<string, PolicyViolation>();
        void Report(SyntaxNodeOrToken at, string api, string? why) =>
            found.TryAdd(
                api,
                new PolicyViolation(at.GetLocation()!.GetLineSpan().StartLinePosition.Line + 1, api, why));

        var root = model.SyntaxTree.GetRoot();
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
        {
            if (trivia.IsKind(SyntaxKind.ReferenceDirectiveTrivia) || trivia.IsKind(SyntaxKind.LoadDirectiveTrivia))
            {
                var line = trivia.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                var directive = trivia.IsKind(SyntaxKind.LoadDirectiveTrivia) ? "#load" : "#r";
                found.TryAdd(directive, new PolicyViolation(
                    line,
                    directive,
                    "loading code from files; only the instructor's set-up cells load libraries"));
            }
        }

        foreach (var token in root.DescendantTokens())
        {
            if (UnsafeKeyword(token) is { } construct)
            {
                Report(token, construct, "code outside .NET's memory safety");
            }
        }

        foreach (var node in root.DescendantNodes())
        {
            if (UnsafeConstruct(node) is { } construct)
            {
                Report(node, construct, "code outside .NET's memory safety");
            }

            if (node is ExpressionSyntax && !InsideNameof(node) && model.GetSymbolInfo(node).Symbol is { } symbol &&
                !(symbol is INamedTypeSymbol && IsQualifier(node)))
            {
                foreach (var (api, why) in Refusals(symbol, policy))
                {
                    Report(node, api, why);
                }
            }
        }

        // File.Exists also names File: report the member, the most precise of what one line refused.
        return found.Values
            .Where(v => !found.Values.Any(other =>
                other.Line == v.Line
                && other.Api.Length > v.Api.Length
                && other.Api.StartsWith(v.Api + ".", StringComparison.Ordinal)))
            .OrderBy(v => v.Line).ToList();
    }

    private static string? UnsafeKeyword(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.UnsafeKeyword => "unsafe code",
        SyntaxKind.ExternKeyword => "extern (native or runtime-implemented) members",
        SyntaxKind.FixedKeyword => "fixed (pinned pointers)",
        SyntaxKind.ArgListKeyword => "__arglist",
        _ => null,
    };

    private static string? UnsafeConstruct(SyntaxNode node) => node switch
    {
        PointerTypeSyntax => "pointer types",
        FunctionPointerTypeSyntax => "function pointers",
        MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax =>
            "typed references (__makeref, __refvalue)",
        _ => null,
    };

    // In Console.WriteLine the type only qualifies the member, which is what decides (the policy opens single members).
    private static bool IsQualifier(SyntaxNode node)
    {
        var top = node;
        while (top.Parent is MemberAccessExpressionSyntax access && access.Name == top
               || top.Parent is QualifiedNameSyntax qualified && qualified.Right == top)
        {
            top = top.Parent;
        }

        return top.Parent is MemberAccessExpressionSyntax outer && outer.Expression == top
               || top.Parent is QualifiedNameSyntax name && name.Left == top;
    }

    // nameof(X) is a string constant; naming a type there reaches nothing.
    private static bool InsideNameof(SyntaxNode node) => node.Ancestors().OfType<InvocationExpressionSyntax>()
        .Any(call => call.Expression is IdentifierNameSyntax { Identifier.Text: "nameof" }
                     && call.ArgumentList.Arguments.Any(a => a.Span.Contains(node.Span)));

    private static IEnumerable<(string Api, string? Why)> Refusals(ISymbol symbol, ApiPolicy policy)
    {
        switch (symbol)
        {
            case IAliasSymbol alias:
                foreach (var refusal in Refusals(alias.Target, policy))
                {
                    yield return refusal;
                }

                yield break;
            case IDynamicTypeSymbol:
                yield return ("dynamic", "late binding, which reaches members no check can see");
                yield break;
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                yield return ("pointer types", "code outside .NET's memory safety");
                yield break;
            case IArrayTypeSymbol array:
                foreach (var refusal in Refusals(array.ElementType, policy))
                {
                    yield return refusal;
                }

                yield break;
            case INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol
                or IDiscardSymbol or ITypeParameterSymbol or IErrorTypeSymbol:
                yield break;
        }

        if (!DeclaredByTheNotebook(symbol)
            && !(symbol is INamedTypeSymbol { IsAnonymousType: true })
            && Refusal(symbol, policy) is { } refused)
        {
            yield return refused;
        }

        // List<Type>, Enumerable.Empty<MethodInfo>(): what a generic is instantiated with is used too.
        var typeArguments = symbol switch
        {
            INamedTypeSymbol type => AllTypeArguments(type),
            IMethodSymbol method =>
                method.TypeArguments.Concat(method.ContainingType is { } owner ? AllTypeArguments(owner) : []),
            _ when symbol.ContainingType is { } owner => AllTypeArguments(owner),
            _ => [],
        };
        foreach (var argument in typeArguments)
        {
            foreach (var refusal in Refusals(argument, policy))
            {
                yield return refusal;
            }
        }
    }

    private static (string Api, string? Why)? Refusal(ISymbol symbol, ApiPolicy policy)
    {
        var path = SymbolPaths.Of(symbol);
        // .NET names the members that skip bounds or type checks "…Unsafe" (Vector.LoadUnsafe, CollectionsMarshal…).
        if (symbol is not ITypeSymbol
            && symbol.Name.EndsWith("Unsafe", StringComparison.Ordinal)
            && !policy.AllowsExactly(path))
        {
            return (path, "memory access without bounds or type checks");
        }

        var rule = policy.Decide(path);
        return rule is { Allow: true } ? null : (path, rule?.Why);
    }

    private static IEnumerable<ITypeSymbol> AllTypeArguments(INamedTypeSymbol type) =>
        type.TypeArguments.Concat(type.ContainingType is { } outer ? AllTypeArguments(outer) : []);

    // Declared by a cell of this notebook (the student's or the instructor's): script submissions are "interactive"
    // assemblies.
    private static bool DeclaredByTheNotebook(ISymbol symbol) =>
        (symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol.OriginalDefinition)
            .ContainingAssembly?.IsInteractive == true;
}
