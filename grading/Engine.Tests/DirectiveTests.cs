using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NotebookEngine;

namespace Engine.Tests;

/// <summary>Directives at column 0 on any line: docs/notebook-dialect.md §3.</summary>
public class DirectiveTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public async Task AnUnknownMagicCommand_TheCellFailsWithDNI101_ListingTheSupportedOnes_AndNothingRuns()
    {
        var result = (await fixture.RunAsync("Console.Write(\"ran\");\n#!foo"))[0];
        Assert.Equal(CellStatus.DirectiveError, result.Status);
        var message = result.Error().EValue;
        Assert.StartsWith("(2,1): error DNI101: Unknown magic command '#!foo'. Supported directives: ", message);
        Assert.Contains("#!time", message);
        Assert.Equal(message, result.Failure!.Message);
        Assert.Equal("", result.Text());
    }

    [Fact]
    public async Task ANuGetReferenceToAShippedPackage_ResolvesOffline()
    {
        var result = (await fixture.RunAsync(
            "#r \"nuget: System.Numerics.Tensors, 10.0.15\"\nusing System.Numerics.Tensors;\n" +
            "Console.Write(TensorPrimitives.Sum(new float[] { 1, 2, 3 }));"))[0];
        Assert.Equal(CellStatus.Succeeded, result.Status);
        Assert.Equal("6", result.Text());
        Assert.Equal("", result.Text("stderr"));
        Assert.Equal("<div><div></div><div></div><div><strong>Installed Packages</strong><ul>" +
                     "<li><span>System.Numerics.Tensors, 10.0.15</span></li></ul></div></div>",
            result.Display().Data["text/html"]);
    }

    [Fact]
    public async Task AnotherVersionOfTheSameMajor_TheShippedOneIsUsedSilently_AndAnotherMajorIsUsedWithAWarning()
    {
        var results = await fixture.RunAsync(
            "#r \"nuget: System.Numerics.Tensors, 10.0.0\"",
            "#r \"nuget: System.Numerics.Tensors, 9.0.0\"",
            "#r \"nuget: System.Numerics.Tensors\"");
        Assert.All(results, r => Assert.Equal(CellStatus.Succeeded, r.Status));
        Assert.Equal("", results[0].Text("stderr"));
        Assert.Equal(
            "warning: the notebook asks for System.Numerics.Tensors 9.0.0; the grader ships 10.0.15 and uses it.\n",
            results[1].Text("stderr"));
        Assert.Equal("", results[2].Text("stderr"));
    }

    [Fact]
    public async Task AnUnknownPackage_TheCellFailsNamingItWhatShipsAndHowToAddOne()
    {
        var result = (await fixture.RunAsync("#r \"nuget: Humanizer, 2.14.1\"\nConsole.Write(\"ran\");"))[0];
        Assert.Equal(CellStatus.DirectiveError, result.Status);
        var message = result.Error().EValue;
        Assert.StartsWith("Package 'Humanizer' is not available offline. The grader ships: ", message);
        Assert.Contains("System.Numerics.Tensors 10.0.15", message);
        Assert.EndsWith("To add one, add a PackageReference to grading/Engine/Engine.csproj and rebuild.", message);
        Assert.Equal("", result.Text());
    }

    [Fact]
    public async Task PlotlyNetInteractive_IsAcceptedWithoutAnAssembly()
    {
        var result = (await fixture.RunAsync("#r \"nuget: Plotly.NET.Interactive, 6.0.0\""))[0];
        Assert.Equal(CellStatus.Succeeded, result.Status);
        Assert.Contains("<li><span>Plotly.NET.Interactive, 6.0.0</span></li>", result.Display().Data["text/html"]);
    }

    [Fact]
    public async Task KernelSelectorsAndANuGetSource_TheyAreAccepted_AndTheCodeRuns()
    {
        var result = (await fixture.RunAsync(
            "#!csharp\n#!c#\n#!C#\n#i \"nuget: https://example.org/feed\"\nConsole.Write(1);"))[0];
        Assert.Equal(CellStatus.Succeeded, result.Status);
        Assert.Equal("1", result.Text());
    }

    [Fact]
    public async Task DirectiveLinesAboveCode_CompileErrorPositionsAreStillTheCells()
    {
        var result = (await fixture.RunAsync(
            "#!time\n#r \"nuget: System.Numerics.Tensors\"\nvar q = undefinedName;"))[0];
        Assert.Equal(
            "(3,9): error CS0103: The name 'undefinedName' does not exist in the current context",
            result.Error().EValue);
    }

    [Fact]
    public async Task Time_WallTimeIsDisplayedAfterTheCellsOutputs()
    {
        var result = (await fixture.RunAsync("#!time\nConsole.Write(1);"))[0];
        Assert.Equal(new StreamOutput("stdout", "1"), result.Outputs[0]);
        var wall = Assert.IsType<DisplayDataOutput>(result.Outputs[1]);
        Assert.Equal(["text/plain"], wall.Data.Keys);
        Assert.Matches(@"^Wall time: [0-9]+(\.[0-9]+)?ms$", wall.Data["text/plain"]);
    }

    [Fact]
    public async Task Markdown_TheCellRendersAsHtml_AndDoesNotRun()
    {
        var result = (await fixture.RunAsync("#!markdown\n# Title\nConsole.Write(1);"))[0];
        Assert.Equal(CellStatus.Succeeded, result.Status);
        Assert.Equal([new DisplayDataOutput(result.Display().Data, null)], result.Outputs);
        Assert.Equal("<h1 id=\"title\">Title</h1>\n<p>Console.Write(1);</p>\n", result.Display().Data["text/html"]);
    }

    [Fact]
    public async Task WhoAndWhos_TheLatestVariableOfEachNameIsListed()
    {
        var results = await Cells.RunAsync("var a = 1;", "var b = \"two\"; var a = 3;\n#!who", "#!whos");
        Assert.Equal("<div>a\t b</div>", results[1].Display().Data["text/html"]);
        var table = results[2].Display().Data["text/html"];
        Assert.StartsWith(
            "<table><thead><tr><th>Variable</th><th>Type</th><th>Value</th></tr></thead>" +
            "<tbody><tr><td>a</td><td>Int32</td>",
            table);
        Assert.Contains("<td>b</td><td>String</td><td><div class=\"dni-plaintext\"><pre>two</pre></div></td>", table);
    }

    [Fact]
    public async Task AReferenceToAMissingFile_RoslynReportsItAsACompileError()
    {
        var result = (await fixture.RunAsync("#r \"missing.dll\""))[0];
        Assert.Equal(CellStatus.CompilationError, result.Status);
        Assert.StartsWith("(1,1): error CS0006: Metadata file 'missing.dll' could not be found", result.Error().EValue);
    }

    [Fact]
    public async Task RelativePaths_ReferenceLoadAndFilesResolveAgainstTheNotebookFolder()
    {
        var folder = Directory.CreateTempSubdirectory("engine-tests-").FullName;
        var library = CSharpCompilation.Create(
            "Helper",
            [CSharpSyntaxTree.ParseText("public static class Helper { public static int Answer => 42; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.True(library.Emit(Path.Combine(folder, "Helper.dll")).Success);
        Directory.CreateDirectory(Path.Combine(folder, "scripts"));
        await File.WriteAllTextAsync(Path.Combine(folder, "scripts", "extra.csx"), "var loaded = \"from csx\";");
        await File.WriteAllTextAsync(Path.Combine(folder, "data.txt"), "from file");

        var options = new SessionOptions { WorkingDirectory = folder };
        var results = await Cells.RunInAsync(options,
            "#r \"Helper.dll\"\nConsole.Write(Helper.Answer);",
            "#load \"scripts/extra.csx\"\nConsole.Write(loaded);",
            "Console.Write(System.IO.File.ReadAllText(\"data.txt\"));");
        Assert.Equal(["42", "from csx", "from file"], results.Select(r => r.Text()));
    }
}
