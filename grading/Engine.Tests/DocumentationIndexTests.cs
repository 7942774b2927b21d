using NotebookEngine;

namespace Engine.Tests;

/// <summary>XML documentation files: indexed by member id, summaries rendered for people, damage tolerated.</summary>
public sealed class DocumentationIndexTests : IDisposable
{
    private const string File = """
        <?xml version="1.0"?>
        <doc>
          <assembly><name>Sample</name></assembly>
          <members>
            <member name="M:Sample.Table.Lookup(System.Int32)">
              <summary>Copies row <paramref name="id"/> of
                <see cref="P:Sample.Table.Weight"/>; returns <see langword="null"/> for
                a <c>missing</c> id.<para>Second paragraph, see
                <see cref="T:System.Collections.Generic.List`1"/>.</para></summary>
              <param name="id">The row.</param>
            </member>
            <member name="T:Sample.Empty">
              <summary>   </summary>
            </member>
            <member name="T:Sample.Broken">
              <summary>Cut off
        """;

    private readonly string path = Path.Combine(Path.GetTempPath(), $"docs-{Guid.NewGuid():N}.xml");

    public DocumentationIndexTests() => System.IO.File.WriteAllText(path, File);

    public void Dispose() => System.IO.File.Delete(path);

    [Fact]
    public void AMember_ItsSummaryRendersAsPlainTextAndMarkdown()
    {
        var summary = DocSummary.From(DocumentationIndex.Load(path).Summary("M:Sample.Table.Lookup(System.Int32)")!);
        Assert.NotNull(summary);
        Assert.Equal(
            "Copies row id of Table.Weight; returns null for a missing id.\n\nSecond paragraph, see List.",
            summary.PlainText);
        Assert.Equal(
            "Copies row `id` of `Table.Weight`; returns `null` for a `missing` id.\n\nSecond paragraph, see `List`.",
            summary.Markdown);
    }

    [Fact]
    public void AnEmptySummary_ThereIsNone() =>
        Assert.Null(DocSummary.From(DocumentationIndex.Load(path).Summary("T:Sample.Empty")!));

    [Fact]
    public void AFileCutOffInAMember_TheMembersBeforeItAreFound_AndTheCutOneIsNot()
    {
        var index = DocumentationIndex.Load(path);
        Assert.NotNull(index.Summary("T:Sample.Empty"));
        Assert.Null(index.Summary("T:Sample.Broken"));
        Assert.Null(index.Summary("T:Sample.Unknown"));
    }

    [Fact]
    public void AMissingFile_NothingIsFound() =>
        Assert.Null(DocumentationIndex.Load(path + ".missing").Summary("M:Sample.Table.Lookup(System.Int32)"));
}
