using NotebookEngine;

namespace Engine.Tests;

/// <summary>complete: names from earlier cells, members after a dot, prefix filtering, offsets in UTF-16 indices.</summary>
public class CompletionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private CodeAssistant Assistant => fixture.Session.Assistant;

    [Fact]
    public async Task GivenConsoleWri_ThenWriteAndWriteLineReplaceTheTypedName()
    {
        var completion = await Assistant.CompleteAsync("Console.Wri", 11);
        Assert.Equal(["Write", "WriteLine"], completion.Matches);
        Assert.Equal((8, 11), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task GivenAVariableAndAFunctionFromEarlierCells_ThenBothComplete()
    {
        await fixture.RunAsync("var tokenCount = 42;", "int TwiceTheTokens(int n) => 2 * n;");
        Assert.Contains("tokenCount", (await Assistant.CompleteAsync("var more = tok", 14)).Matches);
        Assert.Equal(["TwiceTheTokens"], (await Assistant.CompleteAsync("TwiceThe", 8)).Matches);
    }

    [Fact]
    public async Task GivenAVariableFromAnEarlierCell_ThenItsInstanceMembersAndExtensionMethodsComplete_NotItsStaticOnes()
    {
        await fixture.RunAsync("var words = new List<string> { \"a\" };");
        var matches = (await Assistant.CompleteAsync("words.", 6)).Matches;
        Assert.Contains("Add", matches);
        Assert.Contains("Count", matches);
        Assert.Contains("Where", matches);
        Assert.DoesNotContain("ReferenceEquals", matches);
    }

    [Fact]
    public async Task GivenATypeName_ThenItsStaticMembersComplete_NotItsInstanceOnes()
    {
        var matches = (await Assistant.CompleteAsync("string.", 7)).Matches;
        Assert.Contains("Join", matches);
        Assert.Contains("IsNullOrEmpty", matches);
        Assert.DoesNotContain("Length", matches);
    }

    [Fact]
    public async Task GivenAMethodWithOverloads_ThenItIsListedOnce_AndTheListIsSortedIgnoringCase()
    {
        var matches = (await Assistant.CompleteAsync("Math.", 5)).Matches;
        Assert.Single(matches, name => name == "Max");
        Assert.Equal(matches.Order(StringComparer.OrdinalIgnoreCase), matches);
    }

    [Fact]
    public async Task GivenAPrefixInAnotherCase_ThenItStillMatches()
    {
        Assert.Equal(["Write", "WriteLine"], (await Assistant.CompleteAsync("Console.wri", 11)).Matches);
    }

    [Fact]
    public async Task GivenANamespace_ThenItsNamespacesAndTypesComplete()
    {
        var matches = (await Assistant.CompleteAsync("System.Collections.Gen", 22)).Matches;
        Assert.Equal(["Generic"], matches);
    }

    [Fact]
    public async Task GivenAConditionalAccess_ThenTheMembersOfItsLeftComplete()
    {
        const string Code = "string maybe = null;\nvar n = maybe?.Len";
        Assert.Equal(["Length"], (await Assistant.CompleteAsync(Code, Code.Length)).Matches);
    }

    [Fact]
    public async Task GivenSurrogatePairsBeforeTheCursor_ThenOffsetsAreUtf16Indices()
    {
        const string Code = "var emoji = \"😀😀\";\nemoji.Len";
        var completion = await Assistant.CompleteAsync(Code, Code.Length);
        Assert.Equal(["Length"], completion.Matches);
        Assert.Equal((Code.Length - 3, Code.Length), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task GivenTheCursorAtZero_ThenEveryNameInScopeIsOfferedForTheWholeFirstIdentifier()
    {
        var completion = await Assistant.CompleteAsync("Console.WriteLine(1);", 0);
        Assert.Contains("Console", completion.Matches);
        Assert.Contains("foreach", completion.Matches);
        Assert.Equal((0, 7), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task GivenEmptyCode_ThenNamesInScopeAndKeywordsAreOffered()
    {
        var completion = await Assistant.CompleteAsync("", 0);
        Assert.Contains("display", completion.Matches);
        Assert.Contains("var", completion.Matches);
        Assert.Equal((0, 0), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task GivenTheCursorInsideAName_ThenThePrefixFiltersAndTheWholeNameIsReplaced()
    {
        var completion = await Assistant.CompleteAsync("Console.WriteLine", 10);
        Assert.Equal(["Write", "WriteLine"], completion.Matches);
        Assert.Equal((8, 17), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task GivenInvalidCodeBeforeTheCursor_ThenCompletionStillWorks()
    {
        const string Code = "int broken = ;\n)))\nConsole.Wri";
        Assert.Equal(["Write", "WriteLine"], (await Assistant.CompleteAsync(Code, Code.Length)).Matches);
    }

    [Fact]
    public async Task GivenKernelDirectivesInTheCell_ThenTheCodeAfterThemCompletes()
    {
        const string Code = "#!time\n#r \"nuget: System.Numerics.Tensors, 10.0.15\"\nConsole.Wri";
        Assert.Equal(["Write", "WriteLine"], (await Assistant.CompleteAsync(Code, Code.Length)).Matches);
    }

    [Theory]
    [InlineData("// Console.Wri")]
    [InlineData("var s = \"Console.Wri")]
    [InlineData("var s = \"Console.Wri\";")]
    public async Task GivenTheCursorInACommentOrAString_ThenNothingIsOffered(string code)
    {
        var cursor = code.IndexOf("Wri", StringComparison.Ordinal) + 3;
        var completion = await Assistant.CompleteAsync(code, cursor);
        Assert.Empty(completion.Matches);
        Assert.Equal((cursor, cursor), (completion.CursorStart, completion.CursorEnd));
    }

    [Fact]
    public async Task GivenANumber_ThenNoNameIsCompleted()
    {
        Assert.Empty((await Assistant.CompleteAsync("var f = 1.5", 11)).Matches);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(12)]
    public async Task GivenACursorOutsideTheCode_ThenItThrowsSayingTheRange(int cursor)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Assistant.CompleteAsync("Console.Wri", cursor));
        Assert.Equal("cursor", error.ParamName);
        Assert.Contains("from 0 to 11", error.Message);
    }
}
