using System.Text;

namespace Grading.Export;

/// <summary>
/// Renders an <see cref="ExportedProgram"/> as one .cs file that <c>dotnet run file.cs</c> builds and runs.
/// </summary>
internal static class FileBasedAppWriter
{
    // The notebook engine's compilation, restated: the repository's Directory.Build.props (warnings as errors, XML
    // docs, nullable, central package versions) would otherwise apply to a file exported inside the repository, and a
    // file-based app's own defaults (nullable, implicit usings, AOT analyzers) differ from the notebook's too.
    private static readonly (string Property, string Why)[] Properties =
    [
        ("Nullable=annotations", "no nullable warnings, as in the notebook, and `?` annotations still allowed"),
        ("ImplicitUsings=disable", "the notebook's default imports are the using lines below"),
        ("AllowUnsafeBlocks=true", "the notebook engine allows unsafe code"),
        ("PublishAot=false", "charts and formatting use reflection"),
        ("TreatWarningsAsErrors=false", "a notebook shows warnings but runs"),
        ("GenerateDocumentationFile=false", "cells need no XML docs"),
        ("EnforceCodeStyleInBuild=false", "nor the repository's code style"),
        ("ManagePackageVersionsCentrally=false",
            "versions come from the #:package lines, not Directory.Packages.props"),
    ];

    /// <summary>The file's text, with "\n" line ends.</summary>
    public static string Write(ExportedProgram program)
    {
        var file = new StringBuilder();
        file.Append($"""
            // {Path.GetFileName(program.Source)}, exported by `grader export` as a .NET 10 file-based app.
            // Run it with the SDK alone:
            //     dotnet run {Path.GetFileNameWithoutExtension(program.Source)}.cs
            // Cells are marked `// %%` (the percent format Jupytext and editors read); markdown cells are comments.
            // A cell's last expression is shown with NotebookOutput.Show, charts are saved as HTML beside this file,
            // and the type declarations of cells come after all statements (C# requires it). Hidden tests are never
            // exported.

            """);
        foreach (var line in program.Directives.Projects.Concat(program.Directives.Packages))
        {
            file.Append(line).Append('\n');
        }

        file.Append("// How notebook cells compile, restated (a Directory.Build.props above this file would apply " +
                    "otherwise):\n");
        foreach (var (property, why) in Properties)
        {
            file.Append($"//   {property}: {why}\n");
        }

        foreach (var (property, _) in Properties)
        {
            file.Append($"#:property {property}\n");
        }

        foreach (var note in program.Directives.Notes)
        {
            file.Append(note).Append('\n');
        }

        file.Append('\n');
        foreach (var directive in program.Usings)
        {
            file.Append(directive).Append('\n');
        }

        file.Append("using static NotebookOutput;\n");
        foreach (var cell in program.Cells)
        {
            file.Append('\n').Append(cell.TrimEnd('\n', ' ')).Append('\n');
        }

        if (program.Types.Count > 0)
        {
            file.Append("\n// %% [markdown]\n// Type declarations from the cells: C# puts them after the top-level " +
                        "statements.\n");
            foreach (var type in program.Types)
            {
                file.Append($"\n// from {type.Origin}\n").Append(type.Code.Trim('\n')).Append('\n');
            }
        }

        file.Append('\n').Append(OutputHelperSource.Source(program.WithCharts).Replace("\r\n", "\n")).Append('\n');
        return file.ToString();
    }
}
