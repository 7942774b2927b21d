using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NotebookEngine;

namespace Engine.Tests;

/// <summary>How the engine tells a Release build of the course library from a Debug one, which it rebuilds.</summary>
public class AssemblyOptimizationTests
{
    [Theory]
    [InlineData(OptimizationLevel.Debug, false)]
    [InlineData(OptimizationLevel.Release, true)]
    public void IsJitOptimized_GivenALibraryCompiledAtALevel_ReadsThatLevelBack(OptimizationLevel level, bool optimized)
    {
        var path = Compile(level);

        Assert.Equal(optimized, AssemblyOptimization.IsJitOptimized(path));
    }

    [Fact]
    public void IsJitOptimized_GivenTheRuntimesOwnLibrary_IsTrue() =>
        Assert.True(AssemblyOptimization.IsJitOptimized(typeof(object).Assembly.Location));

    [Fact]
    public void IsJitOptimized_GivenATextFile_ThrowsBadImageFormat()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("optimization-").FullName, "not-an-assembly.dll");
        File.WriteAllText(path, "hello");

        Assert.Throws<BadImageFormatException>(() => AssemblyOptimization.IsJitOptimized(path));
    }

    private static string Compile(OptimizationLevel level)
    {
        var compilation = CSharpCompilation.Create($"Probe{level}",
            [CSharpSyntaxTree.ParseText("public static class Probe { public static int Twice(int x) => 2 * x; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: level));
        var path = Path.Combine(Directory.CreateTempSubdirectory("optimization-").FullName, $"Probe{level}.dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }
}
