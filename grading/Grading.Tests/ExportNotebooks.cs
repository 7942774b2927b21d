using System.Text.Json.Nodes;
using Grading.Cli;
using Grading.Export;
using Grading.Notebooks;

namespace Grading.Tests;

/// <summary>Small in-memory C# notebooks for the export tests, and the export of one into a file path.</summary>
internal static class ExportNotebooks
{
    /// <summary>A cell: its type, its source, and optional nbgrader metadata (grade id, solution, grade).</summary>
    public sealed record Cell(
        string Type,
        string Source,
        string? GradeId = null,
        bool Solution = false,
        bool Grade = false);

    public static Cell Code(string source, string? gradeId = null, bool solution = false, bool grade = false) =>
        new("code", source, gradeId, solution, grade);

    public static Cell Markdown(string source) => new("markdown", source);

    /// <summary>
    /// A notebook "in" the repository's notebooks/ folder (so relative #r and #load paths resolve as in the course).
    /// </summary>
    public static Notebook Create(params Cell[] cells) => CreateWith("C#", cells);

    public static Notebook CreateWith(string language, params Cell[] cells)
    {
        var json = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject
                {
                    ["display_name"] = language,
                    ["language"] = language,
                    ["name"] = language == "C#" ? ".net-csharp" : "python3",
                },
            },
            ["cells"] = new JsonArray(cells.Select(ToJson).ToArray()),
        };
        return Notebook.Parse(json.ToJsonString(), Path.Combine(RepositoryPaths.Root, "notebooks", "example.ipynb"));
    }

    /// <summary>
    /// The exported text for a file at <paramref name="outputPath"/> (default: .artifacts/export/example.cs).
    /// </summary>
    public static string ExportText(Notebook notebook, string? outputPath = null) =>
        NotebookExporter.Export(
            notebook,
            outputPath ?? Path.Combine(RepositoryPaths.Root, ".artifacts", "export", "example.cs"),
            RepositoryPaths.Root).Text;

    private static JsonNode ToJson(Cell cell)
    {
        var metadata = new JsonObject();
        if (cell.GradeId is { } id)
        {
            metadata["nbgrader"] = new JsonObject
            {
                ["schema_version"] = 3,
                ["grade"] = cell.Grade,
                ["solution"] = cell.Solution,
                ["locked"] = !cell.Solution,
                ["grade_id"] = id,
                ["points"] = cell.Grade ? 1 : null,
            };
        }

        var json = new JsonObject
        {
            ["cell_type"] = cell.Type,
            ["metadata"] = metadata,
            ["source"] = NotebookCell.SourceLines(cell.Source),
        };
        if (cell.Type == "code")
        {
            json["outputs"] = new JsonArray();
            json["execution_count"] = null;
        }

        return json;
    }
}
