using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grading.Policy;

/// <summary>
/// Everything a cell's code binds to, in document order: the symbol and type of every expression, user-defined
/// conversions, and what <c>foreach</c>, queries, <c>await</c>, deconstruction and collection initializers call
/// implicitly (extension methods can capture each of them). Two compilations of the same text give aligned lists.
/// </summary>
internal static class BindingWalker
{
    private static readonly SymbolDisplayFormat Shown = SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithMemberOptions(
            SymbolDisplayMemberOptions.IncludeParameters
            | SymbolDisplayMemberOptions.IncludeType
            | SymbolDisplayMemberOptions.IncludeContainingType
            | SymbolDisplayMemberOptions.IncludeRef)
        .WithParameterOptions(
            SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut);

    public static IReadOnlyList<Binding> Of(SemanticModel model, SymbolKeys keys)
    {
        var bindings = new List<Binding>();
        void Add(SyntaxNode node, string aspect, ISymbol? symbol) =>
            bindings.Add(Describe(model, keys, node, aspect, symbol));

        foreach (var node in model.SyntaxTree.GetRoot().DescendantNodes())
        {
            // Zero-width nodes (the omitted sizes of new float[,] { … }) stand for nothing a student can change.
            if (node is ExpressionSyntax && node.Span.Length > 0)
            {
                var type = model.GetTypeInfo(node);
                Add(node, "means", model.GetSymbolInfo(node).Symbol);
                Add(node, "type", type.Type);
                Add(node, "converted", type.ConvertedType);
                var conversion = model.GetConversion(node);
                Add(node, "conversion", conversion.IsUserDefined ? conversion.MethodSymbol : null);
            }

            switch (node)
            {
                case CommonForEachStatementSyntax loop:
                    var info = model.GetForEachStatementInfo(loop);
                    Add(node, "foreach", info.GetEnumeratorMethod);
                    Add(node, "foreach", info.CurrentProperty);
                    if (loop is ForEachVariableStatementSyntax deconstructing)
                    {
                        Add(node, "deconstruct", model.GetDeconstructionInfo(deconstructing).Method);
                    }

                    break;
                case QueryClauseSyntax clause:
                    var query = model.GetQueryClauseInfo(clause);
                    Add(node, "query", query.CastInfo.Symbol);
                    Add(node, "query", query.OperationInfo.Symbol);
                    break;
                case SelectOrGroupClauseSyntax selection:
                    Add(node, "query", model.GetSymbolInfo(selection).Symbol);
                    break;
                case AwaitExpressionSyntax awaited:
                    Add(node, "await", model.GetAwaitExpressionInfo(awaited).GetAwaiterMethod);
                    break;
                case AssignmentExpressionSyntax
                {
                    Left: TupleExpressionSyntax or DeclarationExpressionSyntax,
                } assignment:
                    Add(node, "deconstruct", model.GetDeconstructionInfo(assignment).Method);
                    break;
                case InitializerExpressionSyntax initializer
                    when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                    foreach (var element in initializer.Expressions)
                    {
                        Add(element, "add", model.GetCollectionInitializerSymbolInfo(element).Symbol);
                    }

                    break;
                case VariableDeclaratorSyntax or SingleVariableDesignationSyntax or LocalFunctionStatementSyntax
                    or MethodDeclarationSyntax or BaseTypeDeclarationSyntax or ParameterSyntax:
                    Add(node, "declares", model.GetDeclaredSymbol(node));
                    break;
            }
        }

        return bindings;
    }

    private static Binding Describe(
        SemanticModel model,
        SymbolKeys keys,
        SyntaxNode node,
        string aspect,
        ISymbol? symbol)
    {
        var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        var text = node.ToString().ReplaceLineEndings(" ");
        text = text.Length > 60 ? text[..57] + "…" : text;
        var scope = symbol is null ? null : keys.ScopeOf(symbol);
        var alias = aspect == "means" && node is IdentifierNameSyntax name ? model.GetAliasInfo(name) : null;
        var declaredAs = alias is not null && keys.ScopeOf(alias) is { IsStudent: true } ? "alias " + alias.Name
            : scope is { IsStudent: true } && symbol is not null ? DeclaredAs(symbol) : null;
        return new Binding(node.SpanStart, line, aspect, keys.Key(symbol), text, Display(symbol), scope, declaredAs);
    }

    /// <summary>How C# shows the symbol, without the script's submission class ("int Square(int)").</summary>
    public static string Display(ISymbol? symbol) =>
        symbol is null ? "nothing" : StripSubmission(symbol.ToDisplayString(Shown));

    private static string StripSubmission(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"Submission#\d+\.", "");

    // The outermost thing the student declared: renaming it is the fix.
    private static string DeclaredAs(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { ReducedFrom: not null } or IMethodSymbol { IsExtensionMethod: true })
        {
            return "extension method " + symbol.Name;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        while (type?.ContainingType is { IsScriptClass: false } outer)
        {
            type = outer;
        }

        return type is null || type.IsScriptClass ? symbol.Name : "type " + type.Name;
    }
}
