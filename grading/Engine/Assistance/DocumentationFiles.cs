using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace NotebookEngine;

/// <summary>
/// Finds the XML documentation of compiled symbols: the <c>.xml</c> beside a referenced assembly (TensorLab's sits
/// beside lib/bin/TensorLab.dll), or for the shared framework, the SDK's reference pack
/// (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net10.0/*.xml</c>), since the runtime folder ships none.
/// Each file is indexed once, on first need, and kept; a summary is parsed when asked for.
/// </summary>
internal sealed class DocumentationFiles
{
    private readonly ConcurrentDictionary<string, Lazy<DocumentationIndex>> files = new(StringComparer.Ordinal);

    /// <summary>The summary of <paramref name="symbol"/>: from the cell's own /// comments,
    /// or from documentation files.</summary>
    public DocSummary? SummaryOf(ISymbol symbol, Compilation compilation)
    {
        var original = ((symbol as IMethodSymbol)?.ReducedFrom ?? symbol).OriginalDefinition;
        if (original.Locations.Any(location => location.IsInSource))
        {
            return Summary(original.GetDocumentationCommentXml(expandIncludes: false));
        }

        if (original.GetDocumentationCommentId() is not { } id || original.ContainingAssembly is not { } assembly)
        {
            return null;
        }

        try
        {
            foreach (var file in CandidateFiles(assembly, original, compilation))
            {
                if (Index(file).Summary(id) is { } summary)
                {
                    return DocSummary.From(summary);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // An SDK folder that cannot be listed: the signature alone still answers.
        }

        return null;
    }

    private static DocSummary? Summary(string? memberXml)
    {
        if (string.IsNullOrWhiteSpace(memberXml))
        {
            return null;
        }

        try
        {
            return XElement.Parse(memberXml).Element("summary") is { } summary ? DocSummary.From(summary) : null;
        }
        catch (XmlException)
        {
            return null; // A cell's half-typed /// comment.
        }
    }

    private static IEnumerable<string> CandidateFiles(IAssemblySymbol assembly, ISymbol symbol, Compilation compilation)
    {
        if (AssemblyPath(assembly, compilation) is not { } path)
        {
            yield break;
        }

        yield return Path.ChangeExtension(path, ".xml");
        if (ReferencePack.DirectoryFor(path) is not { } pack)
        {
            yield break;
        }

        // Implementation assemblies (System.Private.CoreLib) differ from the reference ones that carry the docs:
        // List<T> is documented in System.Collections.xml, Math in System.Runtime.xml.
        yield return Path.Combine(pack, assembly.Name + ".xml");
        var space = symbol.ContainingNamespace?.ToDisplayString() ?? "";
        for (var name = space; name.Length > 0; name = name.Contains('.') ? name[..name.LastIndexOf('.')] : "")
        {
            yield return Path.Combine(pack, name + ".xml");
        }

        yield return Path.Combine(pack, "System.Runtime.xml");
    }

    // The file a reference came from: a #r'd one belongs to the submission that ran it, so the whole chain is asked.
    private static string? AssemblyPath(IAssemblySymbol assembly, Compilation compilation)
    {
        for (Compilation? current = compilation;
             current is not null;
             current = current.ScriptCompilationInfo?.PreviousScriptCompilation)
        {
            if (current.GetMetadataReference(assembly)
                is PortableExecutableReference { FilePath: { Length: > 0 } path })
            {
                return path;
            }
        }

        return AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(loaded => !loaded.IsDynamic && loaded.GetName().Name == assembly.Name)?.Location
            is { Length: > 0 } location
                ? location
                : null;
    }

    private DocumentationIndex Index(string file) =>
        files.GetOrAdd(file, path => new Lazy<DocumentationIndex>(() => DocumentationIndex.Load(path))).Value;
}
