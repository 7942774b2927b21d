using System.CommandLine;
using Grading.Export;
using Grading.Notebooks;

namespace Grading.Cli;

/// <summary><c>export &lt;nb.ipynb | folder&gt; [-o file.cs | -o folder]</c>: each notebook as a .NET 10 file-based app
/// (<c>dotnet run file.cs</c>).</summary>
internal static class ExportCommand
{
    public static Command Create(Terminal terminal)
    {
        var input = new Argument<string>("notebook") { Description = "An .ipynb file, or a folder of them." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The .cs file to write (one notebook), or the folder for them " +
                "(default: beside each notebook, <name>.cs).",
        };
        var command = new Command(
            "export",
            "Write each notebook as a C# file-based app that `dotnet run file.cs` builds and runs, " +
            "no notebook tooling needed.");
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.SetAction(result => Run(result.GetValue(input)!, result.GetValue(output), terminal));
        return command;
    }

    private static int Run(string input, string? output, Terminal terminal)
    {
        var notebooks = NotebookPaths.Expand([input], out var missing);
        if (missing.Count > 0 || notebooks.Count == 0)
        {
            terminal.Error.WriteLine($"{input}: no notebook found. Give an .ipynb file or a folder of them.");
            return (int)ExitCode.InputError;
        }

        var toFile = output is not null
            && notebooks.Count == 1
            && !Directory.Exists(input)
            && output.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
        var failed = 0;
        foreach (var path in notebooks)
        {
            var name = Path.GetFileNameWithoutExtension(path) + ".cs";
            var target = Path.GetFullPath(
                toFile ? output! : Path.Combine(output ?? Path.GetDirectoryName(Path.GetFullPath(path))!, name));
            try
            {
                var result = NotebookExporter.Export(Notebook.Load(path), target, RepositoryPaths.Root);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                AtomicFile.WriteAllText(target, result.Text);
                result.Warnings.ToList().ForEach(warning => terminal.Error.WriteLine($"warning: {path}: {warning}"));
                terminal.Out.WriteLine(
                    $"{path} → {RepositoryPaths.Display(target)}   (run: dotnet run {Path.GetFileName(target)})");
            }
            catch (Exception e) when (e is ExportException or NotebookFormatException or RegionException)
            {
                // One notebook that cannot be exported does not stop the others; the exit code says something failed.
                terminal.Error.WriteLine(e.Message);
                failed++;
            }
        }

        if (failed > 0)
        {
            terminal.Error.WriteLine(
                $"{failed} of {notebooks.Count} notebook(s) not exported: fix the cells named above.");
        }

        return (int)(failed > 0 ? ExitCode.ProblemsFound : ExitCode.Success);
    }
}
