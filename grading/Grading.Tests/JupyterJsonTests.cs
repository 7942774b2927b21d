using System.Text.Json.Nodes;
using Grading.Notebooks;

namespace Grading.Tests;

public class JupyterJsonTests
{
    [Fact]
    public void StringsWithControlAndNonAsciiCharacters_WhenSerialized_TheyAreEscapedExactlyAsPythonDoes()
    {
        // Expected from /usr/bin/python3 -c 'import json; print(json.dumps({"s":
        // "a\"b\\c\n\r\t\b\f\x1b\x7f<>&\u2028θ→😀"}, indent=1, ensure_ascii=False))'
        var node = new JsonObject { ["s"] = "a\"b\\c\n\r\t\b\f\u001b\u007f<>&\u2028θ→😀" };
        Assert.Equal(
            "{\n \"s\": \"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u001b\u007f<>&\u2028θ→😀\"\n}\n",
            JupyterJson.Serialize(node));
    }

    [Fact]
    public void EmptyAndNestedContainers_WhenSerialized_TheLayoutIsPythonsIndentOne()
    {
        var node = JsonNode.Parse("""{"a": [], "b": {}, "c": [1, {"d": null, "e": true}], "f": 2.50}""");
        Assert.Equal("{\n \"a\": [],\n \"b\": {},\n \"c\": [\n  1,\n  {\n   \"d\": null,\n   \"e\": true\n  }\n " +
                     "],\n \"f\": 2.50\n}\n",
            JupyterJson.Serialize(node));
    }

    [Fact]
    public void ANotebookWrittenByPython_WhenReadAndWrittenUntouched_IsByteIdentical()
    {
        var original = File.ReadAllBytes(Fixture.CirclesNotebook);
        var written = System.Text.Encoding.UTF8.GetBytes(Notebook.Load(Fixture.CirclesNotebook).Serialize());
        Assert.Equal(original, written);
    }
}
