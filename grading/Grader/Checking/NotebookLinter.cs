using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grading.Notebooks;

namespace Grading.Checking;

/// <summary>
/// The rules a course notebook must follow (docs/notebook-dialect.md §1, docs/grading-model.md §1–§2), each reported
/// with its place.
/// </summary>
internal static partial class NotebookLinter
{
    public static IReadOnlyList<Problem> Lint(Notebook notebook, string displayPath, bool isSource = true)
    {
        var problems = new List<Problem>();
        void Report(Severity severity, int? cell, string? gradeId, int? line, string message) =>
            problems.Add(new Problem(severity, displayPath, cell, gradeId, line, message));

        CheckNotebookMetadata(notebook, (severity, message) => Report(severity, null, null, null, message));
        var gradeIds = new Dictionary<string, int>();
        var setupFound = false;
        var firstCode = true;
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            var nb = cell.Nbgrader;
            var id = nb?.GradeId;
            void Problem(string message, int? line = null) => Report(Severity.Error, index, id, line, message);

            if (cell.IsCode)
            {
                CheckCodeMetadata(cell, message => Problem(message));
                if (isSource
                    && (cell.Json["outputs"] is JsonArray { Count: > 0 } || cell.Json["execution_count"] is JsonValue))
                {
                    Problem("has outputs or an execution count: source notebooks are committed clean (run `check` " +
                            "after clearing outputs)");
                }

                if (firstCode)
                {
                    setupFound = cell.Source.Contains("#r \"../lib/bin/TensorLab.dll\"", StringComparison.Ordinal)
                        && nb is { Locked: true };
                    firstCode = false;
                }
            }

            if (nb is not null)
            {
                CheckNbgrader(cell, nb, Problem);
                if (id is not null)
                {
                    if (gradeIds.TryGetValue(id, out var first))
                    {
                        Problem($"grade_id '{id}' is also used by cell {first}: grade ids must be unique");
                    }
                    else
                    {
                        gradeIds[id] = index;
                    }
                }
            }

            CheckRegions(cell, nb, Problem);
        }

        if (!setupFound)
        {
            Report(Severity.Warning, null, null, null,
                "the first code cell should be the locked set-up cell with #r \"../lib/bin/TensorLab.dll\" " +
                "(docs/notebook-dialect.md, section \"Directives\")");
        }

        if (isSource && notebook.Cells.All(c => c.Kind() != CellKind.Tests))
        {
            Report(Severity.Warning, null, null, null, "has no autograded test cell");
        }
        else if (notebook.Cells.Where(c => c.Kind().IsGraded()).Sum(c => c.Nbgrader!.Points ?? 0) <= 0)
        {
            Report(Severity.Warning, null, null, null, "its graded cells are worth 0 points in total");
        }

        return problems;
    }

    private static void CheckNotebookMetadata(Notebook notebook, Action<Severity, string> problem)
    {
        if (notebook.NbFormatMinor is not { } minor)
        {
            problem(Severity.Error, $"nbformat_minor should be the integer 5 (found " +
                                    $"{notebook.Json["nbformat_minor"]?.ToJsonString() ?? "nothing"})");
        }
        else if (minor != 5)
        {
            // 4.0–4.4 are valid nbformat, but without cell ids; VS Code and Jupyter write 4.5.
            problem(Severity.Warning, $"nbformat_minor should be 5, found {minor}");
        }

        var kernel = notebook.Metadata["kernelspec"] as JsonObject;
        if (Text(At(kernel, "name")) is not { } name
            || !name.StartsWith(PolyglotMetadata.KernelNamePrefix, StringComparison.Ordinal))
        {
            problem(Severity.Error, $"metadata.kernelspec.name should be \"{PolyglotMetadata.KernelName}\": VS " +
                                    $"Code only opens .NET notebooks whose kernel name starts with " +
                                    $"\"{PolyglotMetadata.KernelNamePrefix}\"");
        }
        else if (!JsonNode.DeepEquals(kernel, PolyglotMetadata.Kernelspec()))
        {
            problem(Severity.Warning, $"metadata.kernelspec should be {PolyglotMetadata.Kernelspec().ToJsonString()}");
        }

        if (Text(At(notebook.Metadata, "language_info", "name"))
            is not (PolyglotMetadata.KernelLanguageInfoName or PolyglotMetadata.LanguageInfoName))
        {
            problem(Severity.Error, $"metadata.language_info.name should be " +
                                    $"\"{PolyglotMetadata.KernelLanguageInfoName}\" (the .net-csharp kernel's) or " +
                                    $"\"{PolyglotMetadata.LanguageInfoName}\" (Polyglot Notebooks')");
        }

        // Jupyter clients keep this block when it is there but never write it: absent is fine, present must be right.
        if (notebook.Metadata.ContainsKey("polyglot_notebook") &&
            Text(At(notebook.Metadata, "polyglot_notebook", "kernelInfo", "defaultKernelName")) !=
            PolyglotMetadata.CSharpKernel)
        {
            problem(Severity.Error, $"metadata.polyglot_notebook.kernelInfo.defaultKernelName should be " +
                                    $"\"{PolyglotMetadata.CSharpKernel}\"");
        }
    }

    /// <summary>
    /// The node at <paramref name="keys"/> below <paramref name="node"/>, or null when a step is missing or not an
    /// object.
    /// </summary>
    private static JsonNode? At(JsonNode? node, params string[] keys) =>
        keys.Aggregate(node, (current, key) => current is JsonObject obj ? obj[key] : null);

    /// <summary>
    /// The string a node holds, or null when it is missing or not a string (a lint must not throw on bad types).
    /// </summary>
    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static void CheckCodeMetadata(NotebookCell cell, Action<string> problem)
    {
        // A cell added in a Jupyter client with the .net-csharp kernel has neither entry; it runs as C# all the same.
        var jupyterCell = !cell.Metadata.ContainsKey("dotnet_interactive")
            && !cell.Metadata.ContainsKey("polyglot_notebook");
        if (!jupyterCell &&
            (Text(At(cell.Metadata, "dotnet_interactive", "language")) != PolyglotMetadata.CSharpKernel ||
            Text(At(cell.Metadata, "polyglot_notebook", "kernelName")) != PolyglotMetadata.CSharpKernel))
        {
            problem($"code cell metadata should say {PolyglotMetadata.CodeCell().ToJsonString()}");
        }
    }

    private static void CheckNbgrader(NotebookCell cell, NbgraderMetadata nb, Action<string, int?> problem)
    {
        if (nb.SchemaVersion != 3)
        {
            problem($"nbgrader schema_version should be 3, found {nb.SchemaVersion}", null);
        }

        if (nb.GradeId is null)
        {
            problem("nbgrader cell without a grade_id", null);
        }
        else if (!GradeIdPattern().IsMatch(nb.GradeId))
        {
            problem($"grade_id '{nb.GradeId}' may only contain letters, digits, '_' and '-'", null);
        }

        CellKind? kind = CellKinds.HasCanonicalFlags(nb) ? nb.Kind : null;
        if (kind is null)
        {
            problem($"grade={nb.Grade}, solution={nb.Solution}, locked={nb.Locked}, task={nb.Task} is not a cell " +
                    "kind nbgrader knows (answer, tests, manual answer, task, read-only: see the dialect's table)",
                null);
        }

        if (nb.Kind.IsGraded())
        {
            if (nb.Points is not { } points)
            {
                problem("a graded cell needs points", null);
            }
            else if (points < 0)
            {
                problem($"points must be ≥ 0, found {points}", null);
            }
        }

        switch (kind)
        {
            case CellKind.Tests when !cell.IsCode:
                problem("an autograded test cell must be a code cell", null);
                break;
            case CellKind.Answer when !cell.IsCode:
                problem("an autograded answer cell must be a code cell (a markdown answer is a manually graded " +
                        "answer: grade and solution)", null);
                break;
            case CellKind.Task when cell.CellType != "markdown":
                problem("a task cell must be a markdown cell", null);
                break;
        }
    }

    private static void CheckRegions(NotebookCell cell, NbgraderMetadata? nb, Action<string, int?> problem)
    {
        var source = cell.Source;
        foreach (var kind in RegionKind.All)
        {
            if (!Regions.Contains(source, kind))
            {
                continue;
            }

            var allowed = kind == RegionKind.Solution ? nb is { Solution: true }
                : kind == RegionKind.HiddenTests ? CellKinds.Of(nb) == CellKind.Tests
                : CellKinds.Of(nb) is CellKind.Manual or CellKind.Task;
            if (!allowed)
            {
                var where = kind == RegionKind.Solution ? "solution cells"
                    : kind == RegionKind.HiddenTests ? "autograded test cells"
                    : "manual answer or task cells";
                problem($"{kind.Name} markers belong only in {where}", Regions.FirstMarkerLine(source, kind));
            }

            foreach (var region in Regions.Check(source, kind))
            {
                problem(region.Message, region.Line);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex GradeIdPattern();
}
