using System.Text.Json.Nodes;
using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>
/// Worker outputs are checked against nbformat's output schema and a size cap before anything keeps them.
/// </summary>
public class NbformatOutputsTests
{
    private static JsonArray Clean(string json, long cap = 1 << 20) => NbformatOutputs.Clean(JsonNode.Parse(json), cap);

    [Fact]
    public void ValidOutputs_OfEveryType_AreKeptAsTheyAre()
    {
        const string outputs = """
            [{"name":"stdout","output_type":"stream","text":["a\n","b"]},
             {"data":{"text/plain":"x","application/json":{"k":[1,2]}},"metadata":{},"output_type":"display_data"},
             {"data":{"text/plain":["1"]},"execution_count":3,"metadata":{},"output_type":"execute_result"},
             {"ename":"E","evalue":"v","output_type":"error","traceback":["t"]}]
            """;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(outputs), Clean(outputs)));
    }

    [Theory]
    [InlineData("""[{"name":"stdout","output_type":"stream","text":5}]""")]
    [InlineData("""[{"name":"stdout","output_type":"stream","text":[{"x":1}]}]""")]
    [InlineData("""[{"data":{"text/html":{"nested":true}},"metadata":{},"output_type":"display_data"}]""")]
    [InlineData("""[{"data":{"not a mime":"x"},"metadata":{},"output_type":"display_data"}]""")]
    [InlineData("""[{"ename":"E","evalue":7,"output_type":"error","traceback":[]}]""")]
    [InlineData("""[{"output_type":"script","text":"x"}]""")]
    [InlineData("""[42]""")]
    public void AForgedOutput_IsReplacedByANote(string outputs)
    {
        var clean = Clean(outputs);
        Assert.Single(clean);
        Assert.Equal(NbformatOutputs.DroppedNote, clean[0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void NotAList_IsOneNote() =>
        Assert.Equal(NbformatOutputs.DroppedNote, Clean("""{"a":1}""")[0]!["text"]!.GetValue<string>());

    [Fact]
    public void UnknownFields_AreDropped()
    {
        var clean = Clean("""[{"name":"stdout","output_type":"stream","text":"hi","onload":"x","transient":{}}]""");
        Assert.Equal(["name", "output_type", "text"], clean[0]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public void OutputsPastTheCap_AreCutWithANote()
    {
        var big = new string('x', 1000);
        var clean = Clean($$"""[{"name":"stdout","output_type":"stream","text":"{{big}}"}""" +
                          $$""",{"name":"stdout","output_type":"stream","text":"{{big}}"}]""", cap: 1500);
        Assert.Equal(2, clean.Count);
        Assert.Equal(NbformatOutputs.TruncatedNote, clean[1]!["text"]!.GetValue<string>());
    }
}
