using NotebookEngine;

namespace Engine.Tests;

/// <summary>inspect: the symbol at or before the cursor, its signatures (all overloads of a method group)
/// and its summary.</summary>
public class InspectionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private CodeAssistant Assistant => fixture.Session.Assistant;

    [Fact]
    public async Task AMethodGroup_EveryOverloadIsListed_WithTheFrameworkSummary()
    {
        var inspection = await Assistant.InspectAsync("Console.WriteLine", 17);
        Assert.NotNull(inspection);
        var lines = inspection.PlainText.Split('\n');
        Assert.Contains("void Console.WriteLine(string? value)", lines);
        Assert.Contains("void Console.WriteLine(int value)", lines);
        Assert.Contains("void Console.WriteLine()", lines);
        Assert.Contains("to the standard output stream.", inspection.PlainText);
        Assert.StartsWith("```csharp\n", inspection.Markdown);
    }

    [Fact]
    public async Task ACall_TheOverloadItBindsToLeads_AndTheCursorMayStandInItsArguments()
    {
        var onName = await Assistant.InspectAsync("Console.WriteLine(\"hi\")", 12);
        var inArguments = await Assistant.InspectAsync("Console.WriteLine(\"hi\", ", 24);
        Assert.StartsWith("void Console.WriteLine(string? value)\n", onName?.PlainText);
        Assert.Equal(
            "Writes the specified string value, followed by the current line terminator, " +
            "to the standard output stream.",
            onName!.PlainText.Split("\n\n")[1]);
        Assert.Contains("void Console.WriteLine(string format, params object?[]? arg)", inArguments?.PlainText);
    }

    [Fact]
    public async Task AVariableAndAFunctionFromEarlierCells_TheyAreDescribedWithoutTheScriptClass()
    {
        await fixture.RunAsync(
            "var vocabulary = new[] { \"a\", \"b\" };",
            "/// <summary>Counts the letters.</summary>\nint LetterCount(string word) => word.Length;");
        var variable = await Assistant.InspectAsync("vocabulary", 10);
        var function = await Assistant.InspectAsync("LetterCount(\"abc\")", 3);
        Assert.Equal("(variable) string[] vocabulary", variable?.PlainText);
        Assert.Equal("int LetterCount(string word)\n\nCounts the letters.", function?.PlainText);
    }

    [Fact]
    public async Task AFrameworkTypeFromCoreLib_ItsSummaryComesFromTheReferencePack()
    {
        var inspection = await Assistant.InspectAsync("List<int>", 2);
        Assert.NotNull(inspection);
        Assert.StartsWith("class System.Collections.Generic.List<int>\n\n", inspection.PlainText);
        Assert.Contains("strongly typed list", inspection.PlainText);
    }

    [Fact]
    public async Task AConstructorCall_TheConstructorsAreListed()
    {
        var inspection = await Assistant.InspectAsync("var builder = new StringBuilder(", 32);
        Assert.NotNull(inspection);
        Assert.Contains("StringBuilder.StringBuilder(int capacity)", inspection.PlainText.Split('\n'));
        Assert.Contains("StringBuilder.StringBuilder(string? value)", inspection.PlainText.Split('\n'));
    }

    [Fact]
    public async Task AnExtensionMethod_ReadsAsCalledOnItsReceiver_WithItsSummary()
    {
        const string Code = "var squares = new[] { 1, 2 }.Select(n => n * n);";
        var inspection = await Assistant.InspectAsync(Code, Code.IndexOf("Select", StringComparison.Ordinal) + 2);
        Assert.NotNull(inspection);
        Assert.StartsWith(
            "(extension) IEnumerable<int> IEnumerable<int>.Select<int, int>(Func<int, int> selector)\n",
            inspection.PlainText);
        Assert.Contains("Projects each element of a sequence into a new form.", inspection.PlainText);
    }

    [Fact]
    public async Task TheCursorJustAfterAName_ThatNameIsInspected()
    {
        var inspection = await Assistant.InspectAsync("Math.Sqrt", 9);
        Assert.StartsWith("double Math.Sqrt(double d)", inspection?.PlainText);
        Assert.Contains("Returns the square root of a specified number.", inspection?.PlainText);
    }

    [Fact]
    public async Task AKeywordType_ItsTypeIsInspected()
    {
        var inspection = await Assistant.InspectAsync("int count = 3;", 1);
        Assert.StartsWith("readonly struct System.Int32\n\nRepresents a 32-bit signed integer.", inspection?.PlainText);
    }

    [Fact]
    public async Task SurrogatePairsBeforeTheName_TheUtf16CursorFindsIt()
    {
        const string Code = "var emoji = \"😀😀\"; Console.Beep";
        var inspection = await Assistant.InspectAsync(Code, Code.Length);
        Assert.StartsWith("void Console.Beep()", inspection?.PlainText);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 3)]
    [InlineData("1 + 2", 1)]
    [InlineData("// Console.WriteLine", 12)]
    [InlineData("undefinedName", 5)]
    [InlineData("int x = ;", 9)]
    public async Task NoSymbolAtTheCursor_NothingIsFound(string code, int cursor)
    {
        Assert.Null(await Assistant.InspectAsync(code, cursor));
    }

    [Fact]
    public async Task ACursorOutsideTheCode_Throws()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Assistant.InspectAsync("x", 2));
        Assert.Equal("cursor", error.ParamName);
    }
}
