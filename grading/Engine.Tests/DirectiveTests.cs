using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NotebookEngine;

namespace Engine.Tests;

/// <summary>Dialect §4: directives at column 0 on any line.</summary>
public class DirectiveTests
{
    [Fact]
    public async Task UnknownMagicCommand_IsDNI101_AndNothingInTheCellRuns()
    {
        var results = await Cells.RunAsync("Console.Write(\"ran\");\n#!foo");
        Assert.Equal(CellStatus.DirectiveError, results[0].Status);
        Assert.StartsWith("(2,1): error DNI101: Unknown magic command '#!foo'", results[0].Error().EValue);
        Assert.Equal("", results[0].Text());
    }

    [Fact]
    public async Task NuGetReference_ResolvesOfflineFromShippedPackages()
    {
        var results = await Cells.RunAsync("#r \"nuget: System.Numerics.Tensors, 10.0.15\"\nusing System.Numerics.Tensors;\nConsole.Write(TensorPrimitives.Sum(new float[] { 1, 2, 3 }));");
        Assert.Equal(CellStatus.Succeeded, results[0].Status);
        Assert.Equal("6", results[0].Text());
    }

    [Fact]
    public async Task NuGetReference_ToAnUnknownPackage_NamesItAndHowToAddOne()
    {
        var results = await Cells.RunAsync("#r \"nuget: Humanizer, 2.14.1\"");
        Assert.Equal(CellStatus.DirectiveError, results[0].Status);
        Assert.StartsWith("Package 'Humanizer' is not available offline.", results[0].Error().EValue);
        Assert.Contains("grading/Engine/Engine.csproj", results[0].Error().EValue);
    }

    [Fact]
    public async Task KernelSelectorsAndNuGetSources_AreAccepted()
    {
        var results = await Cells.RunAsync("#!csharp\n#i \"nuget: https://example.org/feed\"\nConsole.Write(1);");
        Assert.Equal("1", results[0].Text());
    }

    [Fact]
    public async Task RelativeReferenceAndLoad_ResolveAgainstTheNotebookFolder()
    {
        var folder = Directory.CreateTempSubdirectory("engine-tests-").FullName;
        var library = CSharpCompilation.Create("Helper", [CSharpSyntaxTree.ParseText("public static class Helper { public static int Answer => 42; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.True(library.Emit(Path.Combine(folder, "Helper.dll")).Success);
        await File.WriteAllTextAsync(Path.Combine(folder, "extra.csx"), "var loaded = \"from csx\";");

        var results = await Cells.RunInAsync(folder, null, "#r \"Helper.dll\"\nConsole.Write(Helper.Answer);", "#load \"extra.csx\"\nConsole.Write(loaded);");
        Assert.Equal("42", results[0].Text());
        Assert.Equal("from csx", results[1].Text());
    }
}
