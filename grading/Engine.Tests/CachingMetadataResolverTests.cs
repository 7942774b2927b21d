using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using NotebookEngine;

namespace Engine.Tests;

/// <summary>Framework assemblies resolve once per process; a library named by path resolves afresh each
/// time.</summary>
public sealed class CachingMetadataResolverTests
{
    [Fact]
    public void FrameworkAssemblyByName_ResolvesToTheSameReference()
    {
        var first = new CachingMetadataResolver(ScriptMetadataResolver.Default);
        var second = new CachingMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(Path.GetTempPath()));

        var once = Assert.Single(first.ResolveReference("System.Runtime", null, MetadataReferenceProperties.Assembly));
        var again = Assert.Single(
            second.ResolveReference("System.Runtime", null, MetadataReferenceProperties.Assembly));

        Assert.Same(once, again);
    }

    [Fact]
    public void LibraryByPath_IsResolvedAfresh()
    {
        var resolver = new CachingMetadataResolver(ScriptMetadataResolver.Default);
        var library = TensorLabLibrary.DllPath;

        var once = Assert.Single(resolver.ResolveReference(library, null, MetadataReferenceProperties.Assembly));
        var again = Assert.Single(resolver.ResolveReference(library, null, MetadataReferenceProperties.Assembly));

        Assert.Equal(library, once.FilePath);
        Assert.NotSame(once, again);
    }
}
