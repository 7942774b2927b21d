using System.Text;
using System.Text.Json.Nodes;
using Grading.Notebooks;

namespace Grading.Export;

/// <summary>
/// The exported file's text, and what the exporter wants the user to know (cells exported as written).
/// </summary>
internal sealed record ExportResult(string Text, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns a C# notebook into one file-based app: cells in order as <c>// %%</c> sections, directives mapped
/// (<see cref="DirectiveMapper"/>), each cell split into usings, statements and types (<see cref="CellSplitter"/>),
/// hidden tests and mark schemes removed, the display helper appended (<see cref="OutputHelperSource"/>).
/// </summary>
internal static class NotebookExporter
{
    // What the notebook engine imports before the first cell (docs/notebook-dialect.md §2).
    private static readonly string[] DefaultUsings =
    [
        "using System;", "using System.Text;", "using System.Collections;", "using System.Collections.Generic;",
        "using System.Threading.Tasks;", "using System.Linq;",
    ];

    /// <summary>
    /// Exports <paramref name="notebook"/> for a file to be written at <paramref name="outputPath"/>.
    /// </summary>
    /// <param name="notebook">The notebook (instructor or student version).</param>
    /// <param name="outputPath">Where the .cs file goes: <c>#:project</c> paths are relative to its folder.</param>
    /// <param name="repositoryRoot">Where lib/TensorLab is found when not beside the notebook's <c>#r</c> path.</param>
    /// <exception cref="ExportException">Not a C# notebook, or a cell a file-based app cannot express; the message
    /// names the cell.</exception>
    public static ExportResult Export(Notebook notebook, string outputPath, string repositoryRoot)
    {
        EnsureCSharp(notebook);
        var directives = new AppDirectives();
        var mapper = new DirectiveMapper(Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!,
            Path.GetDirectoryName(Path.GetFullPath(outputPath))!, repositoryRoot, directives);
        var mapped = notebook.Cells
            .Select((cell, index) => cell.IsCode ? mapper.Map(CodeOf(notebook, index), Fail(notebook, index)) : null)
            .ToList();
        var voidMethods = mapped.OfType<MappedCell>()
            .SelectMany(m => m.Loads.Select(l => l.Cell).Append(m))
            .SelectMany(m => CellSplitter.VoidMethods(m.Code)).ToHashSet(StringComparer.Ordinal);

        var usings = new List<string>(DefaultUsings);
        var cells = new List<string>();
        var types = new List<MovedType>();
        var warnings = new List<string>();
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (mapped[index] is not { Markdown: false } code)
            {
                cells.Add(Comment(
                    cell.IsCode ? "markdown" : cell.CellType,
                    Regions.Replace(cell.Source, RegionKind.MarkScheme, null)));
                continue;
            }

            var text = new StringBuilder($"// %% cell {index}{(cell.GradeId is { } id ? $" [{id}]" : "")}" +
                                         $"\nNotebookOutput.Cell({index});\n");
            var fail = Fail(notebook, index);
            foreach (var load in code.Loads)
            {
                var pieces = CellSplitter.Split(load.Cell.Code, voidMethods.Contains, fail);
                Collect(pieces, $"{load.Path} (loaded by cell {index})", usings, types, declared, warnings, fail);
                text.Append($"// ---- {load.Path}, inlined ----\n")
                    .Append(pieces.Statements.Trim('\n'))
                    .Append($"\n// ---- end of {load.Path} ----\n");
            }

            var own = CellSplitter.Split(code.Code, voidMethods.Contains, fail);
            Collect(own, $"cell {index}", usings, types, declared, warnings, fail);
            text.Append(code.Time ? "NotebookOutput.StartWallTime();\n" : "").Append(own.Statements.Trim('\n'))
                .Append(code.Time ? "\nNotebookOutput.PrintWallTime();" : "");
            cells.Add(text.ToString());
        }

        var withCharts = directives.Packages
            .Any(p => p.StartsWith("#:package Plotly.NET", StringComparison.OrdinalIgnoreCase));
        var program = new ExportedProgram(notebook.Path, directives, usings, cells, types, withCharts);
        return new ExportResult(FileBasedAppWriter.Write(program), warnings);
    }

    // Hidden tests never leave the instructor's copy; a student's stub names its exercise when the app stops on it.
    private static string CodeOf(Notebook notebook, int index)
    {
        Regions.EnsureBalanced(notebook, index, RegionKind.HiddenTests);
        var cell = notebook.Cells[index];
        var code = Regions.Replace(cell.Source, RegionKind.HiddenTests, null);
        return cell.Nbgrader is { Solution: true, GradeId: var gradeId }
            ? code.Replace("new NotImplementedException()",
                $"new NotImplementedException(\"exercise {gradeId} (cell {index}) is not written yet: replace this " +
                "throw with your code\")", StringComparison.Ordinal)
            : code;
    }

    private static void Collect(CodePieces pieces, string origin, List<string> usings, List<MovedType> types,
        Dictionary<string, string> declared, List<string> warnings, Func<string, ExportException> fail)
    {
        if (pieces.SyntaxError is { } error)
        {
            warnings.Add($"{origin}: {error}; exported as written, so `dotnet run` reports it there.");
        }

        usings.AddRange(pieces.Usings.Where(u => !usings.Contains(u)));
        types.AddRange(pieces.Types.Select(t => new MovedType(origin, t)));
        foreach (var name in pieces.Functions.Concat(pieces.Variables))
        {
            // A notebook may declare a name again in a later cell; one program's top-level statements may not.
            if (!declared.TryAdd(name, origin))
            {
                throw fail($"'{name}' is declared again (first in {declared[name]}); a program's top level " +
                           "declares each name once. Rename one, or keep only the last definition.");
            }
        }
    }

    private static void EnsureCSharp(Notebook notebook)
    {
        var language = notebook.Metadata["kernelspec"]?["language"]?.GetValue<string>();
        var kernel = notebook.Metadata["kernelspec"]?["name"]?.GetValue<string>();
        if (language is not null && language is not ("C#" or "csharp")
            || kernel is not null && !kernel.StartsWith(".net-csharp", StringComparison.Ordinal))
        {
            throw new ExportException($"{notebook.Path}: not a C# notebook (kernelspec language '{language}', name " +
                                      $"'{kernel}'); only .NET (C#) notebooks export to a C# file.");
        }

        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var metadata = notebook.Cells[index].Metadata;
            var cellLanguage = (metadata["polyglot_notebook"]?["kernelName"]
                ?? metadata["dotnet_interactive"]?["language"]) is JsonValue value
                ? value.GetValue<string>() : null;
            if (notebook.Cells[index].IsCode && cellLanguage is not null and not "csharp")
            {
                throw Fail(notebook, index)($"a {cellLanguage} cell; only C# cells can be exported (make it a " +
                                            "markdown cell, or rewrite it in C#).");
            }
        }
    }

    private static Func<string, ExportException> Fail(Notebook notebook, int index) =>
        problem => ExportException.InCell(notebook.Path, index, notebook.Cells[index].GradeId, problem);

    private static string Comment(string kind, string source)
    {
        var lines = source.Replace("\r\n", "\n")
            .TrimEnd('\n')
            .Split('\n')
            .Select(line => line.Length == 0 ? "//" : $"// {line}");
        return $"// %% [{kind}]\n{string.Join('\n', lines)}";
    }
}
