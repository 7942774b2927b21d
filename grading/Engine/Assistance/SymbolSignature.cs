using Microsoft.CodeAnalysis;

namespace NotebookEngine;

/// <summary>
/// One line describing a symbol as an editor's quick info does: <c>void Console.WriteLine(string? value)</c>,
/// <c>class System.Console</c>, <c>(variable) int[] ids</c>. Types are named as the cell would name them.
/// </summary>
internal static class SymbolSignature
{
    private static readonly SymbolDisplayFormat Member = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters |
                         SymbolDisplayGenericsOptions.IncludeVariance,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType |
                       SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef |
                       SymbolDisplayMemberOptions.IncludeConstantValue,
        delegateStyle: SymbolDisplayDelegateStyle.NameAndSignature,
        extensionMethodStyle: SymbolDisplayExtensionMethodStyle.InstanceMethod,
        parameterOptions: SymbolDisplayParameterOptions.IncludeParamsRefOut |
                          SymbolDisplayParameterOptions.IncludeType |
                          SymbolDisplayParameterOptions.IncludeName |
                          SymbolDisplayParameterOptions.IncludeDefaultValue |
                          SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        localOptions: SymbolDisplayLocalOptions.IncludeType | SymbolDisplayLocalOptions.IncludeConstantValue,
        kindOptions: SymbolDisplayKindOptions.IncludeMemberKeyword,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes |
                              SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers |
                              SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    // Members of the script class (a function or variable from an earlier cell)
    // live in "Submission#3": not a name to show.
    private static readonly SymbolDisplayFormat ScriptMember = Member.RemoveMemberOptions(
        SymbolDisplayMemberOptions.IncludeContainingType);

    private static readonly SymbolDisplayFormat Type = SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithKindOptions(SymbolDisplayKindOptions.IncludeNamespaceKeyword | SymbolDisplayKindOptions.IncludeTypeKeyword)
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandNullable);

    // int is inspected as what it stands for: struct System.Int32 (type arguments keep their keywords: List<int>).
    private static readonly SymbolDisplayFormat SpecialType = Type.RemoveMiscellaneousOptions(
        SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>The description of <paramref name="symbol"/>, with types as written at
    /// <paramref name="position"/>.</summary>
    public static string Format(ISymbol symbol, SemanticModel model, int position)
    {
        if (symbol is INamespaceOrTypeSymbol and not ITypeParameterSymbol)
        {
            return symbol.ToDisplayString(
                symbol is ITypeSymbol { SpecialType: not Microsoft.CodeAnalysis.SpecialType.None }
                    ? SpecialType
                    : Type);
        }

        var inScript = symbol.ContainingType is { IsScriptClass: true };
        var text = symbol.ToMinimalDisplayString(model, position, inScript ? ScriptMember : Member);
        return Label(symbol, inScript) is { } label ? $"({label}) {text}" : text;
    }

    private static string? Label(ISymbol symbol, bool inScript) => symbol switch
    {
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol when inScript => "variable",
        IFieldSymbol => "field",
        ILocalSymbol => "local variable",
        IParameterSymbol => "parameter",
        IRangeVariableSymbol => "range variable",
        ITypeParameterSymbol => "type parameter",
        IMethodSymbol { MethodKind: MethodKind.ReducedExtension } => "extension",
        _ => null,
    };
}
