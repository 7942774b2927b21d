using Microsoft.CodeAnalysis;

namespace Grading.Policy;

/// <summary>
/// Where a notebook declared something: "kernel" (the display helpers), "student" (any cell the student can write:
/// what the assignment asks for lives there) or "cell:&lt;grade id&gt;" (a locked cell).
/// </summary>
/// <param name="Label">The scope label used in keys.</param>
/// <param name="CellIndex">The cell's index in the notebook, or -1 for the kernel helpers.</param>
internal sealed record DeclarationScope(string Label, int CellIndex)
{
    /// <summary>The label of every cell a student can write.</summary>
    public const string Student = "student";

    /// <summary>True for a cell the student wrote.</summary>
    public bool IsStudent => Label == Student;
}

/// <summary>
/// A key per symbol that is equal in two compilations of a notebook exactly when the symbol means the same thing:
/// the same library member (with the same type arguments), or a declaration of the same scope with the same name and
/// signature. Submission numbers, which differ when a student adds cells, never enter a key.
/// </summary>
internal sealed class SymbolKeys(Func<SyntaxTree, DeclarationScope?> scopeOf)
{
    /// <summary>The key of <paramref name="symbol"/>; "-" for none.</summary>
    public string Key(ISymbol? symbol) => symbol switch
    {
        null => "-",
        IAliasSymbol alias => Key(alias.Target),
        ITypeSymbol type => TypeKey(type),
        INamespaceSymbol space => "namespace " + space.ToDisplayString(),
        IMethodSymbol method =>
            Owner(method) + "." + method.Name + Arguments(method.TypeArguments)
            + "(" + Parameters(method.Parameters) + "):"
            + TypeKey(method.ReturnType) + (method.ReducedFrom is not null ? " extension" : ""),
        IPropertySymbol property =>
            Owner(property) + "." + property.Name + "[" + Parameters(property.Parameters) + "]:"
            + TypeKey(property.Type),
        IFieldSymbol field => Owner(field) + "." + field.Name + ":" + TypeKey(field.Type),
        IEventSymbol @event => Owner(@event) + "." + @event.Name + ":" + TypeKey(@event.Type),
        ILocalSymbol local => Scope(local) + " local " + local.Name + ":" + TypeKey(local.Type),
        IParameterSymbol parameter => Scope(parameter) + " parameter " + parameter.Name + ":" + TypeKey(parameter.Type),
        IDiscardSymbol discard => "_:" + TypeKey(discard.Type),
        _ => symbol.Kind + " " + symbol.Name,
    };

    /// <summary>The scope that declared <paramref name="symbol"/>, or null for a library symbol.</summary>
    public DeclarationScope? ScopeOf(ISymbol symbol)
    {
        var definition = symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol.OriginalDefinition;
        var tree = definition.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree
                   ?? definition.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree
                   ?? (definition.ContainingType is { } owner
                       ? owner.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree
                       : null);
        return tree is null ? null : scopeOf(tree);
    }

    private string Scope(ISymbol symbol) => ScopeOf(symbol)?.Label ?? "library " + symbol.ContainingAssembly?.Name;

    // Members of a script's top level belong to its submission class, whose name changes with every added cell.
    private string Owner(ISymbol member) =>
        member.ContainingType is { IsScriptClass: false } owner ? TypeKey(owner) : Scope(member);

    private string TypeKey(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol error => "unbound " + error.Name,
        IArrayTypeSymbol array => TypeKey(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]",
        IPointerTypeSymbol pointer => TypeKey(pointer.PointedAtType) + "*",
        ITypeParameterSymbol parameter =>
            (parameter.TypeParameterKind == TypeParameterKind.Method ? "!!" : "!") + parameter.Ordinal,
        IDynamicTypeSymbol => "dynamic",
        IFunctionPointerTypeSymbol => "function pointer",
        INamedTypeSymbol { IsAnonymousType: true } anonymous =>
            "anonymous{"
            + string.Join(
                ",",
                anonymous.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name + ":" + TypeKey(p.Type)))
            + "}",
        INamedTypeSymbol { IsTupleType: true, TupleUnderlyingType: { } underlying } => TypeKey(underlying),
        INamedTypeSymbol named => NamedTypeKey(named),
        _ => type.Kind + " " + type.ToDisplayString(),
    };

    private string NamedTypeKey(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var owner = type.ContainingType is { } outer
            ? outer.IsScriptClass ? Scope(definition) : TypeKey(outer)
            : "library " + definition.ContainingAssembly?.Name
              + " " + definition.ContainingNamespace?.ToDisplayString();
        return owner + "." + definition.MetadataName + Arguments(type.TypeArguments);
    }

    private string Arguments(IEnumerable<ITypeSymbol> arguments) =>
        arguments.Any() ? "<" + string.Join(",", arguments.Select(TypeKey)) + ">" : "";

    private string Parameters(IEnumerable<IParameterSymbol> parameters) =>
        string.Join(",", parameters.Select(p => (p.RefKind == RefKind.None ? "" : p.RefKind + " ") + TypeKey(p.Type)));
}
