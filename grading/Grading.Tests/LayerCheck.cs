using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grading.Tests;

/// <summary>A reference from one area of the grader to an area that is not below it in the layer order.</summary>
/// <param name="File">The file holding the reference, as it was given to the check.</param>
/// <param name="Line">The 1-based line of the reference.</param>
/// <param name="From">The namespace of the code that holds the reference.</param>
/// <param name="To">The namespace of what it refers to.</param>
/// <param name="Symbol">What it refers to.</param>
internal sealed record LayerViolation(string File, int Line, string From, string To, string Symbol)
{
    public override string ToString() =>
        $"{File}:{Line}: {From} uses {Symbol} from {To}, which is not below it in the layer order";
}

/// <summary>
/// Parses and binds C# sources with Roslyn and checks every name that binds to a type or member of another area
/// against a declared order of areas (namespaces, bottom first): code may use only areas declared before its own.
/// A namespace belongs to the area that is the longest prefix of it (Grading.Release.Steps is Grading.Release); the
/// global namespace (the top-level Program) is the area <see cref="EntryPoint"/>. A namespace under <c>root</c> that
/// no area covers is reported too, so a new folder must be placed in the order before it can be used.
/// </summary>
internal static class LayerCheck
{
    /// <summary>The area name of the global namespace: the entry point.</summary>
    public const string EntryPoint = "(global)";

    // Diagnostics that mean a name did not bind, so a reference through it would go unchecked. Members that only a
    // source generator adds (GeneratedRegex bodies, JsonSerializerContext.Default) are not among them: they stay
    // in the area of the type that declares them.
    private static readonly string[] UnboundNames = ["CS0103", "CS0234", "CS0246"];

    /// <summary>
    /// The violations in <paramref name="sources"/>, in file and line order, one per line and pair of namespaces.
    /// </summary>
    /// <param name="sources">Path (used in messages) and text of each file.</param>
    /// <param name="areas">Namespaces from the bottom layer to the top one.</param>
    /// <param name="root">Namespaces under it must belong to an area; others (System, the engine) are ignored.</param>
    /// <exception cref="InvalidOperationException">A name did not bind: the check would be blind there.</exception>
    public static IReadOnlyList<LayerViolation> Find(IEnumerable<(string Path, string Text)> sources,
        IReadOnlyList<string> areas, string root)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, s.Path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, "ImplicitUsings.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create("LayerCheck", trees, References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var unbound = compilation.GetDiagnostics().Where(d => UnboundNames.Contains(d.Id)).Take(5).ToList();
        if (unbound.Count > 0)
        {
            throw new InvalidOperationException(
                "The layer check could not bind every name: " + string.Join("; ", unbound));
        }

        var violations = new List<LayerViolation>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            // Using directives sit outside a file-scoped namespace but belong to the file's code.
            var fileNamespace = tree.GetRoot().DescendantNodes()
                .OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (symbol is null or INamespaceSymbol || OwnNamespace(symbol) is not { } to)
                {
                    continue;
                }

                var declaration = name.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()
                    ?? fileNamespace;
                var fromName = declaration is null
                    ? EntryPoint
                    : model.GetDeclaredSymbol(declaration)!.ToDisplayString();
                var toName = to.IsGlobalNamespace ? EntryPoint : to.ToDisplayString();
                if (fromName == toName || !Checked(toName, root))
                {
                    continue;
                }

                var (fromRank, toRank) = (Rank(fromName, areas), Rank(toName, areas));
                if (fromRank is null || toRank is null || toRank > fromRank)
                {
                    var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    violations.Add(new LayerViolation(tree.FilePath, line, fromName, toName, symbol.ToDisplayString()));
                }
            }
        }

        // One report per line and pair of namespaces: Course.High.Writer.Size names the same dependency twice.
        return violations.DistinctBy(v => (v.File, v.Line, v.From, v.To)).ToList();
    }

    // The namespace a type or member is declared in; null for locals, parameters and the like, which belong to the code
    // that uses them.
    private static INamespaceSymbol? OwnNamespace(ISymbol symbol) =>
        symbol is IParameterSymbol or ILocalSymbol or ITypeParameterSymbol or IRangeVariableSymbol or ILabelSymbol
            or IDiscardSymbol
            ? null
            : symbol.ContainingNamespace;

    private static bool Checked(string name, string root) =>
        name == EntryPoint || name == root || name.StartsWith(root + ".", StringComparison.Ordinal);

    // Same area: the area that is the longest prefix; null when none is (an undeclared namespace is a violation).
    private static int? Rank(string name, IReadOnlyList<string> areas)
    {
        var matches = areas.Select((area, index) => (area, index))
            .Where(a => name == a.area || name.StartsWith(a.area + ".", StringComparison.Ordinal)).ToList();
        return matches.Count == 0 ? null : matches.MaxBy(a => a.area.Length).index;
    }

    // Everything this test process can load: the framework, the engine, Roslyn and the CLI packages the grader uses.
    // The grader's own assembly is left out, since its sources are what is being compiled.
    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var loaded = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        return platform.Concat(loaded)
            .Where(path => Path.GetFileName(path) is not ("grader.dll" or "Grading.Tests.dll"))
            .DistinctBy(Path.GetFileName)
            .Select(path => MetadataReference.CreateFromFile(path));
    }

    // The SDK's implicit usings for a console project (ImplicitUsings=enable), which a bare compilation lacks.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;
}
