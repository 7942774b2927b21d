using Microsoft.CodeAnalysis;
using NotebookEngine.Analysis;

namespace Grading.Policy;

/// <summary>
/// Which scope declared each cell of a chain, found two ways: by syntax tree, for the symbols a cell binds to, and by
/// assembly name, for the members its compiled code refers to.
/// </summary>
internal sealed class ChainScopes
{
    private readonly Dictionary<SyntaxTree, DeclarationScope> trees = [];
    private readonly Dictionary<string, string> assemblies = new(StringComparer.Ordinal);

    /// <summary>Scopes of <paramref name="chain"/>, which so far holds the kernel helpers.</summary>
    public ChainScopes(ScriptChain chain)
    {
        trees[chain.KernelTree] = new DeclarationScope("kernel", -1);
        assemblies[chain.KernelAssemblyName] = "kernel";
        Keys = new SymbolKeys(tree => trees.GetValueOrDefault(tree));
    }

    /// <summary>Keys of symbols, with the scopes known so far.</summary>
    public SymbolKeys Keys { get; }

    /// <summary>Records that <paramref name="scope"/> declared what <paramref name="cell"/> declares.</summary>
    public void Add(CompiledCell cell, DeclarationScope scope)
    {
        if (cell.Tree is { } tree)
        {
            trees[tree] = scope;
        }

        if (cell.AssemblyName is { } name)
        {
            assemblies[name] = scope.Label;
        }
    }

    /// <summary>The scope label of a cell's assembly, or null for a library.</summary>
    public string? OfAssembly(string assemblyName) => assemblies.GetValueOrDefault(assemblyName);
}
