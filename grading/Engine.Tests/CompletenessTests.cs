using NotebookEngine;

namespace Engine.Tests;

/// <summary>is_complete: samples of each status, and the directives (docs/notebook-dialect.md §8).</summary>
public class CompletenessTests
{
    [Theory]
    [InlineData("6*7")]
    [InlineData("class Foo { }")]
    [InlineData("#r \"nuget: X\"")]
    [InlineData("for (var i = 0; i < 3; i++)\n{\n    Console.WriteLine(i);\n}")]
    [InlineData("")]
    [InlineData("#!time\nConsole.WriteLine(1);")]
    [InlineData("var x = 1;\n#!time")]
    [InlineData("var s = \"😀\";")]
    public void AWholeSubmission_IsComplete(string code) =>
        Assert.Equal(SubmissionCompleteness.Complete, CodeAssistant.Classify(code));

    [Theory]
    [InlineData("for (var i = 0; i < 3; i++) {")]
    [InlineData("Console.WriteLine(")]
    [InlineData("class C {")]
    [InlineData("/* x")]
    [InlineData("var s = \"abc")]
    [InlineData("x.")]
    [InlineData("if (true)")]
    [InlineData("int F() => 1")]
    public void TheStartOfASubmission_IsIncomplete(string code) =>
        Assert.Equal(SubmissionCompleteness.Incomplete, CodeAssistant.Classify(code));

    [Theory]
    [InlineData("int x = ;")]
    [InlineData("var y = 1 +;")]
    [InlineData("Console.WriteLine(1));")]
    [InlineData(")")]
    [InlineData("}")]
    [InlineData("\"\"\"raw")]
    public void AWholeSubmissionWithSyntaxErrors_IsInvalid(string code) =>
        Assert.Equal(SubmissionCompleteness.Invalid, CodeAssistant.Classify(code));

    [Fact]
    public void PointerSyntaxThatOnlyLooksWrong_IsComplete() =>
        Assert.Equal(SubmissionCompleteness.Complete, CodeAssistant.Classify("x = 1 +* 2;"));

    [Fact]
    public void Null_ThrowsNamingTheParameter() =>
        Assert.Equal("code", Assert.Throws<ArgumentNullException>(() => CodeAssistant.Classify(null!)).ParamName);
}
