using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NotebookEngine;

/// <summary>
/// Roslyn's script resolver, remembering what framework assemblies resolved to. Roslyn resolves the script's default
/// references (System.Runtime, System.Console, … given by name) and the assemblies the kernel's references depend on
/// again for every cell, reading each file's metadata anew (about 26 files a cell, strace showed) and leaving the old
/// copy to the finalizer. A cached answer is the same file, so a cell binds exactly as before; a library a notebook
/// names by path (<c>#r "../lib/bin/TensorLab.dll"</c>, which may be rebuilt) is resolved afresh each time.
/// </summary>
internal sealed class CachingMetadataResolver(MetadataReferenceResolver resolver) : MetadataReferenceResolver
{
    private readonly MetadataReferenceResolver inner = resolver;

    // Per process: the framework's files do not change while it runs. Keyed by the folder of the assembly that asks
    // too, as an assembly's dependencies may also be found beside it; only found files are remembered.
    private static readonly
        ConcurrentDictionary<(AssemblyIdentity Identity, string? Folder), PortableExecutableReference> Resolved = new();

    private static readonly ConcurrentDictionary<(string Reference, string? BaseFilePath, MetadataReferenceProperties
        Properties), ImmutableArray<PortableExecutableReference>> Named = new();

    /// <inheritdoc/>
    public override bool ResolveMissingAssemblies => inner.ResolveMissingAssemblies;

    /// <inheritdoc/>
    public override PortableExecutableReference? ResolveMissingAssembly(
        MetadataReference definition,
        AssemblyIdentity referenceIdentity)
    {
        var key = (referenceIdentity, Path.GetDirectoryName((definition as PortableExecutableReference)?.FilePath));
        if (Resolved.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = inner.ResolveMissingAssembly(definition, referenceIdentity);
        return found is null ? null : Resolved.GetOrAdd(key, found);
    }

    /// <inheritdoc/>
    public override ImmutableArray<PortableExecutableReference> ResolveReference(
        string reference,
        string? baseFilePath,
        MetadataReferenceProperties properties)
    {
        var key = (reference, baseFilePath, properties);
        if (Named.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = inner.ResolveReference(reference, baseFilePath, properties);
        return !found.IsDefaultOrEmpty && found.All(r => r.FilePath is { } path && PlatformAssemblies.Contains(path))
            ? Named.GetOrAdd(key, found)
            : found;
    }

    /// <inheritdoc/>
    public override bool Equals(object? other) =>
        other is CachingMetadataResolver caching && inner.Equals(caching.inner);

    /// <inheritdoc/>
    public override int GetHashCode() => inner.GetHashCode();
}
