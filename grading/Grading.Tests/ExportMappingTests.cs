using Grading.Cli;
using Grading.Export;
using static Grading.Tests.ExportNotebooks;

namespace Grading.Tests;

/// <summary>
/// The rules that turn notebook cells into a file-based app, checked on the exported text (no build, no run).
/// </summary>
public sealed class ExportMappingTests
{
    [Fact]
    public void NuGetReferences_BecomePackageDirectives_WithTheNotebooksVersion()
    {
        var text = ExportText(Create(Code("#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n" +
                                          "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n" +
                                          "#r \"nuget: System.Text.Json\"")));

        Assert.Contains("\n#:package Plotly.NET.CSharp@0.14.0\n", text);
        // The chart formatter's job is the helper's; a framework package resolves to the framework, as in the engine.
        Assert.DoesNotContain("#:package Plotly.NET.Interactive", text);
        Assert.DoesNotContain("#:package System.Text.Json", text);
        Assert.Contains("// #r \"nuget: System.Text.Json\": part of the .NET shared framework, nothing to add.", text);
    }

    [Fact]
    public void LibraryDll_BecomesProjectDirective_RelativeToTheWrittenFile()
    {
        var notebook = Create(Code("#r \"../lib/bin/TensorLab.dll\"\nvar t = 1;"));
        var elsewhere = Path.Combine(Fixture.TempFolder(), "deep", "er", "example.cs");

        var inRepository = ExportText(notebook);
        var outside = ExportText(notebook, elsewhere);

        Assert.Contains("\n#:project ../../lib/TensorLab/TensorLab.csproj\n", inRepository);
        var relative = outside.Split('\n')
            .Single(line => line.StartsWith("#:project ", StringComparison.Ordinal))["#:project ".Length..];
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "lib", "TensorLab", "TensorLab.csproj"),
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(elsewhere)!, relative)));
    }

    [Fact]
    public void Usings_AreHoistedToTheTop_Once()
    {
        var text = ExportText(Create(
            Code("using System.Text.Json;\nvar a = 1;"),
            Code("using System.Text.Json;\nusing Alias = System.Text.Json.JsonSerializer;\nvar b = 2;")));

        var firstCell = text.IndexOf("// %% cell", StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(text, "using System.Text.Json;"));
        Assert.InRange(text.IndexOf("using System.Text.Json;", StringComparison.Ordinal), 0, firstCell);
        Assert.InRange(
            text.IndexOf("using Alias = System.Text.Json.JsonSerializer;", StringComparison.Ordinal),
            0,
            firstCell);
    }

    [Fact]
    public void TypeDeclarations_ComeAfterEveryTopLevelStatement()
    {
        var text = ExportText(Create(
            Code("record Point(int X);\nvar p = new Point(1);"),
            Code("Console.WriteLine(p);")));

        var type = text.IndexOf("record Point(int X);", StringComparison.Ordinal);
        Assert.True(
            type > text.IndexOf("Console.WriteLine(p);", StringComparison.Ordinal),
            "the record must follow the last statement");
        Assert.True(type < text.IndexOf("static class NotebookOutput", StringComparison.Ordinal));
        Assert.Contains("// from cell 0\nrecord Point(int X);", text);
    }

    [Theory]
    [InlineData("var x = 2;\nx * 21", "NotebookOutput.Show(x * 21);")]
    [InlineData("var y = 0;\ny = 3", "y = 3;")]
    [InlineData("void Hello() => Console.WriteLine(1);\nHello()", "Hello();")]
    [InlineData("Console.WriteLine(\"hi\")", "Console.WriteLine(\"hi\");")]
    public void TrailingExpression_IsShown_UnlessItIsAStatement(string cell, string expected)
    {
        var text = ExportText(Create(Code(cell)));

        Assert.Contains(expected, text);
    }

    [Fact]
    public void ScriptMembers_BecomeLocals_WithoutModifiersALocalCannotHave()
    {
        var text = ExportText(Create(Code("public static int Twice(int v) => 2 * v;\n" +
                                          "static readonly int Limit = 4;\nconst int Size = 3;")));

        Assert.Contains("static int Twice(int v) => 2 * v;", text);
        Assert.DoesNotContain("public static int Twice", text);
        Assert.Contains("\nint Limit = 4;", text);
        Assert.Contains("const int Size = 3;", text);
    }

    [Fact]
    public void Cells_KeepTheirBoundaries_AsPercentMarkers_WithMarkdownAsComments()
    {
        var text = ExportText(Create(Markdown("# Title\n\nSome *words*."), Code("var a = 1;", gradeId: "setup")));

        Assert.Contains("// %% [markdown]\n// # Title\n//\n// Some *words*.\n", text);
        Assert.Contains("// %% cell 1 [setup]\nNotebookOutput.Cell(1);\nvar a = 1;", text);
    }

    [Fact]
    public void HiddenTests_AndMarkSchemes_AreNeverExported()
    {
        var text = ExportText(Create(
            Code("Console.WriteLine(\"visible\");\n// BEGIN HIDDEN TESTS\n" +
                 "Console.WriteLine(\"secret check\");\n// END HIDDEN TESTS", gradeId: "t", grade: true),
            Markdown("Explain.\nBEGIN MARK SCHEME\nsecret rubric\nEND MARK SCHEME")));

        Assert.Contains("Console.WriteLine(\"visible\");", text);
        Assert.DoesNotContain("secret", text);
    }

    [Fact]
    public void StudentStub_NamesItsExercise()
    {
        var text = ExportText(Create(Code(
            "int Square(int v)\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException();\n}",
            gradeId: "square",
            solution: true)));

        Assert.Contains("throw new NotImplementedException(\"exercise square (cell 0) is not written yet: replace " +
                        "this throw with your code\");", text);
    }

    [Fact]
    public void TimeMagic_PrintsTheWallTime_AroundTheCell()
    {
        var text = ExportText(Create(Code("#!time\nvar s = 1;")));

        Assert.Contains(
            "NotebookOutput.StartWallTime();\n// #!time\nvar s = 1;\nNotebookOutput.PrintWallTime();",
            text);
    }

    [Fact]
    public void LoadedScript_IsInlined_ItsTypesMovedToTheEnd()
    {
        var text = ExportText(Create(Code("#load \"CourseCharts.csx\"")));

        Assert.Contains("// ---- CourseCharts.csx, inlined ----", text);
        Assert.Contains("// from CourseCharts.csx (loaded by cell 0)", text);
        Assert.True(text.IndexOf("public static class CourseCharts", StringComparison.Ordinal) >
                    text.IndexOf("// ---- end of CourseCharts.csx", StringComparison.Ordinal));
    }

    [Fact]
    public void NotACSharpNotebook_IsRefused()
    {
        var error = Assert.Throws<ExportException>(() => ExportText(CreateWith("python", Code("print(1)"))));

        Assert.Contains("not a C# notebook", error.Message);
    }

    [Theory]
    [InlineData("var a = 1;\n#!fsharp\nlet b = 2", "cell 1 (bad): line 2: '#!fsharp'")]
    [InlineData("int Count { get; set; }", "cell 1 (bad): line 1: a top-level property")]
    [InlineData("var first = 2;", "cell 1 (bad): 'first' is declared again (first in cell 0)")]
    [InlineData("#load \"missing.csx\"", "cell 1 (bad): line 1: #load \"missing.csx\": no such file")]
    public void CellsAnAppCannotExpress_AreRefused_NamingTheCell(string cell, string expected)
    {
        var error = Assert.Throws<ExportException>(() =>
            ExportText(Create(Code("var first = 1;"), Code(cell, gradeId: "bad"))));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith(Path.Combine(RepositoryPaths.Root, "notebooks", "example.ipynb"), error.Message);
    }

    [Fact]
    public async Task ExportVerb_WritesTheFile_AndFailsNamingAnUnexportableNotebook()
    {
        var folder = Fixture.TempFolder();
        File.WriteAllText(Path.Combine(folder, "good.ipynb"), Create(Code("Console.WriteLine(1);")).Serialize());
        File.WriteAllText(Path.Combine(folder, "python.ipynb"), CreateWith("python", Code("print(1)")).Serialize());

        var (code, output, error) = await Fixture.RunCliAsync("export", folder, "-o", Path.Combine(folder, "apps"));

        Assert.Equal((int)ExitCode.ProblemsFound, code);
        Assert.Contains("good.cs", output);
        Assert.True(File.Exists(Path.Combine(folder, "apps", "good.cs")));
        Assert.False(File.Exists(Path.Combine(folder, "apps", "python.cs")));
        Assert.Contains("python.ipynb", error);
        Assert.Contains("1 of 2 notebook(s) not exported", error);
    }

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
