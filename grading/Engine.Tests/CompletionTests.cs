using NotebookEngine;

namespace Engine.Tests;

/// <summary>complete: names from earlier cells, members after a dot, prefix filtering,
/// offsets in UTF-16 indices.</summary>
public class CompletionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private CodeAssistant Assistant => fixture.Session.Assistant;

    [Fact]
    public async Task ConsoleWri_WriteAndWriteLineReplaceTheTypedName()
    {
        var completion = await Assistant.CompleteAsync("Console.Wri", 11);
        Assert.Equal(["Write", "WriteLine"], completion.Matches);
        Assert.Equal((8, 11), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task AVariableAndAFunctionFromEarlierCells_BothComplete()
    {
        await fixture.RunAsync("var tokenCount = 42;", "int TwiceTheTokens(int n) => 2 * n;");
        Assert.Contains("tokenCount", (await Assistant.CompleteAsync("var more = tok", 14)).Matches);
        Assert.Equal(["TwiceTheTokens"], (await Assistant.CompleteAsync("TwiceThe", 8)).Matches);
    }

    [Fact]
    public async Task AVariableFromAnEarlierCell_ItsInstanceMembersAndExtensionMethodsComplete_NotItsStaticOnes()
    {
        await fixture.RunAsync("var words = new List<string> { \"a\" };");
        var matches = (await Assistant.CompleteAsync("words.", 6)).Matches;
        Assert.Contains("Add", matches);
        Assert.Contains("Count", matches);
        Assert.Contains("Where", matches);
        Assert.DoesNotContain("ReferenceEquals", matches);
    }

    [Fact]
    public async Task ATypeName_ItsStaticMembersComplete_NotItsInstanceOnes()
    {
        var matches = (await Assistant.CompleteAsync("string.", 7)).Matches;
        Assert.Contains("Join", matches);
        Assert.Contains("IsNullOrEmpty", matches);
        Assert.DoesNotContain("Length", matches);
    }

    [Fact]
    public async Task AMethodWithOverloads_IsListedOnce_AndTheListIsSortedIgnoringCase()
    {
        var matches = (await Assistant.CompleteAsync("Math.", 5)).Matches;
        Assert.Single(matches, name => name == "Max");
        Assert.Equal(matches.Order(StringComparer.OrdinalIgnoreCase), matches);
    }

    [Fact]
    public async Task APrefixInAnotherCase_StillMatches()
    {
        Assert.Equal(["Write", "WriteLine"], (await Assistant.CompleteAsync("Console.wri", 11)).Matches);
    }

    [Fact]
    public async Task ANamespace_ItsNamespacesAndTypesComplete()
    {
        var matches = (await Assistant.CompleteAsync("System.Collections.Gen", 22)).Matches;
        Assert.Equal(["Generic"], matches);
    }

    [Fact]
    public async Task AUsingDirective_OnlyNamespacesAndTypesAreOffered()
    {
        var matches = (await Assistant.CompleteAsync("using System.Te", 15)).Matches;
        Assert.Equal(["Text"], matches);
        Assert.Contains("System", (await Assistant.CompleteAsync("using Sys", 9)).Matches);
    }

    [Fact]
    public async Task New_TypesAreOffered_NotVariablesOrKeywords()
    {
        await fixture.RunAsync("var listLength = 3;");
        var matches = (await Assistant.CompleteAsync("var made = new Lis", 18)).Matches;
        Assert.Contains("List", matches);
        Assert.DoesNotContain("listLength", matches);
    }

    [Fact]
    public async Task AChainContinuedOnTheNextLine_TheMembersOfTheChainSoFarComplete()
    {
        const string Code = "var evens = Enumerable.Range(0, 10)\n    .Where(n => n % 2 == 0)\n    .Sel";
        Assert.Equal(["Select", "SelectMany"], (await Assistant.CompleteAsync(Code, Code.Length)).Matches);
    }

    [Fact]
    public async Task ACellThatOnlyAddsAPackage_ThePackagesTypesComplete()
    {
        const string Code = "System.Numerics.Tensors.TensorPrimitives.CosineSim";
        Assert.Empty((await Assistant.CompleteAsync(Code, Code.Length)).Matches);
        Assert.Equal(
            CellStatus.Succeeded,
            (await fixture.RunAsync("#r \"nuget: System.Numerics.Tensors, 10.0.15\""))[0].Status);
        Assert.Equal(["CosineSimilarity"], (await Assistant.CompleteAsync(Code, Code.Length)).Matches);
    }

    [Fact]
    public async Task AConditionalAccess_TheMembersOfItsLeftComplete()
    {
        const string Code = "string maybe = null;\nvar n = maybe?.Len";
        Assert.Equal(["Length"], (await Assistant.CompleteAsync(Code, Code.Length)).Matches);
    }

    [Fact]
    public async Task SurrogatePairsBeforeTheCursor_OffsetsAreUtf16Indices()
    {
        const string Code = "var emoji = \"😀😀\";\nemoji.Len";
        var completion = await Assistant.CompleteAsync(Code, Code.Length);
        Assert.Equal(["Length"], completion.Matches);
        Assert.Equal((Code.Length - 3, Code.Length), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task TheCursorAtZero_EveryNameInScopeIsOfferedForTheWholeFirstIdentifier()
    {
        var completion = await Assistant.CompleteAsync("Console.WriteLine(1);", 0);
        Assert.Contains("Console", completion.Matches);
        Assert.Contains("foreach", completion.Matches);
        Assert.Equal((0, 7), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task EmptyCode_NamesInScopeAndKeywordsAreOffered()
    {
        var completion = await Assistant.CompleteAsync("", 0);
        Assert.Contains("display", completion.Matches);
        Assert.Contains("var", completion.Matches);
        Assert.Equal((0, 0), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task TheCursorInsideAName_ThePrefixFiltersAndTheWholeNameIsReplaced()
    {
        var completion = await Assistant.CompleteAsync("Console.WriteLine", 10);
        Assert.Equal(["Write", "WriteLine"], completion.Matches);
        Assert.Equal((8, 17), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task InvalidCodeBeforeTheCursor_CompletionStillWorks()
    {
        const string Code = "int broken = ;\n)))\nConsole.Wri";
        Assert.Equal(["Write", "WriteLine"], (await Assistant.CompleteAsync(Code, Code.Length)).Matches);
    }

    [Fact]
    public async Task KernelDirectivesInTheCell_TheCodeAfterThemCompletes()
    {
        const string Code = "#!time\n#r \"nuget: System.Numerics.Tensors, 10.0.15\"\nConsole.Wri";
        Assert.Equal(["Write", "WriteLine"], (await Assistant.CompleteAsync(Code, Code.Length)).Matches);
    }

    [Theory]
    [InlineData("// Console.Wri")]
    [InlineData("var s = \"Console.Wri")]
    [InlineData("var s = \"Console.Wri\";")]
    public async Task TheCursorInACommentOrAString_NothingIsOffered(string code)
    {
        var cursor = code.IndexOf("Wri", StringComparison.Ordinal) + 3;
        var completion = await Assistant.CompleteAsync(code, cursor);
        Assert.Empty(completion.Matches);
        Assert.Equal((cursor, cursor), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task ANumber_NoNameIsCompleted()
    {
        Assert.Empty((await Assistant.CompleteAsync("var f = 1.5", 11)).Matches);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(12)]
    public async Task ACursorOutsideTheCode_ThrowsSayingTheRange(int cursor)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Assistant.CompleteAsync("Console.Wri", cursor));
        Assert.Equal("cursor", error.ParamName);
        Assert.Contains("from 0 to 11", error.Message);
    }
}
