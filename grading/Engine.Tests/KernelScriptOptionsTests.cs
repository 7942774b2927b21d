using Microsoft.CodeAnalysis;
using NotebookEngine;

namespace Engine.Tests;

/// <summary>Every chain in a process compiles against the same reference objects, so Roslyn builds the framework's
/// symbols once, not once per notebook.</summary>
public sealed class KernelScriptOptionsTests
{
    [Fact]
    public void ChainsInDifferentFolders_ShareTheirAssemblyReferences()
    {
        var first = KernelScriptOptions.Create(Path.GetTempPath());
        var second = KernelScriptOptions.Create(Environment.CurrentDirectory, optimize: true);

        var shared = first.MetadataReferences.OfType<PortableExecutableReference>().ToList();

        Assert.Contains(shared, r => r.FilePath == typeof(object).Assembly.Location);
        Assert.Equal(shared, second.MetadataReferences.OfType<PortableExecutableReference>(),
            ReferenceEqualityComparer.Instance);
    }

    [Fact]
    public void APackagesAssembly_IsOneReferenceForEveryChain()
    {
        var package = typeof(System.Text.Json.JsonSerializer).Assembly;

        var first = KernelScriptOptions.Create(Path.GetTempPath()).AddAssemblies([package]).MetadataReferences[^1];
        var second = KernelScriptOptions.Create(Environment.CurrentDirectory).AddAssemblies([package])
            .MetadataReferences[^1];

        Assert.Equal(package.Location, Assert.IsType<PortableExecutableReference>(first, exactMatch: false).FilePath);
        Assert.Same(first, second);
    }

    [Fact]
    public void EachChain_KeepsItsOwnFolderAndOptimization()
    {
        var folder = Directory.CreateTempSubdirectory("options-").FullName;

        var plain = KernelScriptOptions.Create(Path.GetTempPath());
        var optimized = KernelScriptOptions.Create(folder, optimize: true);

        Assert.Equal(OptimizationLevel.Debug, plain.OptimizationLevel);
        Assert.Equal(OptimizationLevel.Release, optimized.OptimizationLevel);
        Assert.Equal(folder, Assert.IsType<SourceFileResolver>(optimized.SourceResolver).BaseDirectory);
        Directory.Delete(folder);
    }
}
