using System.Text.Json.Nodes;

namespace Grading.Notebooks;

/// <summary>The shape nbformat 4 requires of a notebook, checked before anything reads it, with the JSON path of each
/// problem.</summary>
internal static class NotebookStructure
{
    public static void Validate(JsonObject json, string path)
    {
        if (json["nbformat"] is not JsonValue format || format.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            throw NotebookFormatException.At(
                path,
                "$.nbformat",
                $"expected the number 4, found {Notebook.Kind(json["nbformat"])}");
        }

        if (format.GetValue<double>() != 4)
        {
            throw NotebookFormatException.At(
                path,
                "$.nbformat",
                $"this is an nbformat {format} notebook; the grader reads nbformat 4 " +
                "(open and save it in Jupyter or VS Code to upgrade)");
        }

        if (json["metadata"] is not JsonObject)
        {
            throw NotebookFormatException.At(
                path,
                "$.metadata",
                $"expected an object, found {Notebook.Kind(json["metadata"])}");
        }

        if (json["cells"] is not JsonArray cells)
        {
            throw NotebookFormatException.At(
                path,
                "$.cells",
                $"expected an array of cells, found {Notebook.Kind(json["cells"])}");
        }

        for (var i = 0; i < cells.Count; i++)
        {
            ValidateCell(cells[i], $"$.cells[{i}]", path);
        }
    }

    private static void ValidateCell(JsonNode? node, string at, string path)
    {
        if (node is not JsonObject cell)
        {
            throw NotebookFormatException.At(path, at, $"expected a cell object, found {Notebook.Kind(node)}");
        }

        if (cell["cell_type"] is not JsonValue type
            || Notebook.Kind(type) != "a string"
            || type.GetValue<string>() is not ("code" or "markdown" or "raw"))
        {
            throw NotebookFormatException.At(
                path,
                at + ".cell_type",
                $"expected \"code\", \"markdown\" or \"raw\", found {Notebook.Kind(cell["cell_type"])}");
        }

        switch (cell["source"])
        {
            case JsonValue text when Notebook.Kind(text) == "a string":
                break;
            case JsonArray lines:
                for (var i = 0; i < lines.Count; i++)
                {
                    if (Notebook.Kind(lines[i]) != "a string")
                    {
                        throw NotebookFormatException.At(
                            path,
                            $"{at}.source[{i}]",
                            $"expected a string, found {Notebook.Kind(lines[i])}");
                    }
                }

                break;
            default:
                throw NotebookFormatException.At(
                    path,
                    at + ".source",
                    $"expected a string or an array of strings, found {Notebook.Kind(cell["source"])}");
        }

        if (cell["metadata"] is not null and not JsonObject)
        {
            throw NotebookFormatException.At(
                path,
                at + ".metadata",
                $"expected an object, found {Notebook.Kind(cell["metadata"])}");
        }

        if (cell["metadata"]?["nbgrader"] is { } nbgrader and not JsonObject)
        {
            throw NotebookFormatException.At(
                path,
                at + ".metadata.nbgrader",
                $"expected an object, found {Notebook.Kind(nbgrader)}");
        }

        if (type.GetValue<string>() == "code" && cell["outputs"] is not null and not JsonArray)
        {
            throw NotebookFormatException.At(
                path,
                at + ".outputs",
                $"expected an array, found {Notebook.Kind(cell["outputs"])}");
        }
    }
}
