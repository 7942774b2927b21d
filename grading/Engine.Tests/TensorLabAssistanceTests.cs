using NotebookEngine;

namespace Engine.Tests;

/// <summary>The course library, loaded as notebooks load it (<c>#r</c> in a cell): its members complete and inspect
/// with their XML docs.</summary>
public class TensorLabAssistanceTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private async Task<CodeAssistant> WithTensorLabAsync()
    {
        var results = await fixture.RunAsync(
            $"#r \"{TensorLabLibrary.DllPath}\"",
            "using TensorLab;\nvar table = new Embedding(10, 4, seed: 1);");
        Assert.All(results, result => Assert.Equal(CellStatus.Succeeded, result.Status));
        return fixture.Session.Assistant;
    }

    [Fact]
    public async Task TensorLabReferencedInAnEarlierCell_ItsStaticMembersComplete()
    {
        var assistant = await WithTensorLabAsync();
        Assert.Equal(["Bytes", "BytesPerElement"], (await assistant.CompleteAsync("MemoryMath.By", 13)).Matches);
    }

    [Fact]
    public async Task ATensorLabObjectFromAnEarlierCell_ItsInstanceMembersComplete()
    {
        var assistant = await WithTensorLabAsync();
        var matches = (await assistant.CompleteAsync("table.", 6)).Matches;
        Assert.Contains("Weight", matches);
        Assert.Contains("VocabSize", matches);
    }

    [Fact]
    public async Task ATensorLabMethod_ItsSignatureAndSummaryComeFromTheXmlBesideTheDll()
    {
        var assistant = await WithTensorLabAsync();
        var inspection = await assistant.InspectAsync("MemoryMath.Bytes(", 17);
        Assert.Equal(
            "long MemoryMath.Bytes(long vocabSize, long embeddingDim, DType dtype = DType.Float32)\n\n" +
            "V × D × bytes per element.",
            inspection?.PlainText);
        Assert.Equal(
            "```csharp\nlong MemoryMath.Bytes(long vocabSize, long embeddingDim, DType dtype = DType.Float32)\n" +
            "```\n\nV × D × bytes per element.",
            inspection?.Markdown);
    }

    [Fact]
    public async Task ATensorLabType_ItsSummaryRendersReferencesAsCode()
    {
        var assistant = await WithTensorLabAsync();
        var inspection = await assistant.InspectAsync("Embedding", 3);
        Assert.NotNull(inspection);
        Assert.StartsWith(
            "class TensorLab.Embedding\n\nA token embedding table: row i of Embedding.Weight [V, D]",
            inspection.PlainText);
        Assert.Contains("row `i` of `Embedding.Weight` [V, D]", inspection.Markdown);
    }
}
