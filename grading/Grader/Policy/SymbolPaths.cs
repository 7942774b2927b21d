using Microsoft.CodeAnalysis;

namespace Grading.Policy;

/// <summary>The dotted name a policy entry matches for a symbol: namespace, enclosing types, type, member (no
/// arity).</summary>
internal static class SymbolPaths
{
    /// <summary>"System.Collections.Generic.List" for <c>List&lt;int&gt;</c>; "System.Console.WriteLine" for the
    /// method.</summary>
    public static string Of(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => TypePath(type),
        IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor =>
            TypePath(constructor.ContainingType),
        IMethodSymbol { ReducedFrom: { } extension } => Of(extension),
        _ when symbol.ContainingType is { } owner => TypePath(owner) + "." + symbol.Name,
        _ => symbol.Name,
    };

    private static string TypePath(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        if (definition.ContainingType is { } outer)
        {
            return TypePath(outer) + "." + definition.Name;
        }

        var space = definition.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : "";
        return space + definition.Name;
    }
}
