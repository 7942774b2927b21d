using Grading.Checking;
using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Release;

/// <summary>One released notebook, for the summary table.</summary>
internal sealed record ReleasedNotebook(
    string Name,
    int Cells,
    double Points,
    IReadOnlyDictionary<ReleaseCount, int> Counts);

/// <summary>
/// Writes the student folder: the released notebooks plus everything needed to build and run them (the library, the
/// grader for <c>validate</c>, the SDK pin, the devcontainer) and a student README. Never the source notebooks.
/// </summary>
internal static class StudentFolder
{
    private static readonly string[] RootFiles =
    [
        "global.json",
        "Directory.Build.props",
        "Directory.Packages.props",
        ".editorconfig",
    ];
    private static readonly string[] SkippedFolders =
    [
        "bin",
        "obj",
        "release",
        "graded",
        "runs",
        "samples",
        "Engine.Tests",
        "Grading.Tests",
        "Grading.Benchmarks",
        "Kernel.Tests",
    ];

    /// <summary>
    /// Lints the sources, refuses on errors, then writes the release. Returns the problems (empty on success).
    /// </summary>
    public static (IReadOnlyList<ReleasedNotebook> Released, IReadOnlyList<Problem> Problems) Write(
        string repositoryRoot,
        IReadOnlyList<string> sources,
        string outputFolder)
    {
        var loaded = sources.Select(path => (Path: path, Notebook: Notebook.Load(path))).ToList();
        var problems = loaded.SelectMany(s => NotebookLinter.Lint(s.Notebook, Path.GetFileName(s.Path)))
            .Where(p => p.Severity == Severity.Error).ToList();
        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var released = new List<ReleasedNotebook>();
        foreach (var (path, notebook) in loaded)
        {
            var context = new StepContext();
            var student = ReleasePipeline.Create().Run(notebook, context);
            student.Save(Path.Combine(outputFolder, "notebooks", Path.GetFileName(path)));
            // Summed here rather than counted by a step: points may be fractional (0.5), step counts are integers.
            var points = student.Cells
                .Select(c => c.Nbgrader)
                .Where(nb => nb is { Grade: true } or { Task: true })
                .Sum(nb => nb!.Points ?? 0);
            released.Add(new ReleasedNotebook(Path.GetFileName(path), student.Cells.Count, points, context.Counts));
        }

        // Notebooks #load the helper scripts beside them (CourseCharts.csx), so the student copy needs them too.
        foreach (var (name, text) in sources.SelectMany(SupportFiles.Beside).DistinctBy(file => file.Key))
        {
            AtomicFile.WriteAllText(Path.Combine(outputFolder, "notebooks", name), text);
        }

        CopySupportFiles(repositoryRoot, outputFolder);
        AtomicFile.WriteAllText(Path.Combine(outputFolder, "README.md"), StudentReadme(released));
        return (released, []);
    }

    private static void CopySupportFiles(string root, string output)
    {
        foreach (var file in RootFiles.Where(f => File.Exists(Path.Combine(root, f))))
        {
            File.Copy(Path.Combine(root, file), Path.Combine(output, file), overwrite: true);
        }

        CopyTree(Path.Combine(root, "lib", "TensorLab"), Path.Combine(output, "lib", "TensorLab"));
        CopyTree(Path.Combine(root, ".devcontainer"), Path.Combine(output, ".devcontainer"));
        CopyTree(Path.Combine(root, "grading"), Path.Combine(output, "grading"));
    }

    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => SkippedFolders.Contains(part)))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string StudentReadme(IReadOnlyList<ReleasedNotebook> notebooks) => $"""
        # Embeddings from scratch, in C# — your copy

        1. Open this folder in a Codespace or in VS Code with "Reopen in Container": the set-up builds the course
           library and installs the course's `.NET (C#)` Jupyter kernel. On your own machine with the .NET SDK:

           ```bash
           dotnet build lib/TensorLab/TensorLab.csproj -c Release
           cd grading && dotnet run -- kernel install --user
           ```

        2. Open a notebook, pick the `.NET (C#)` kernel and Run All (VS Code, JupyterLab or Jupyter Notebook). The
           kernel is the grader's own engine: what you run is what gets graded.
        3. Work through the notebooks in order and replace every `throw new NotImplementedException();` with your code.
        4. Check yourself at any time (runs the notebook and lists each test with its points):

           ```bash
           cd grading && dotnet run -- validate ../notebooks/01_lookup_tables.ipynb
           ```

        Without any notebook tool, `cd grading && dotnet run -- export ../notebooks -o ../apps` turns each notebook into
        a C# file you run with `dotnet run ../apps/01_lookup_tables.cs`; it stops at the first exercise left to do.
        Notebooks saved by Polyglot Notebooks (deprecated in 2026) open with the same kernel unchanged.

        Notebooks: {string.Join(", ", notebooks.Select(n => n.Name))}.
        Do not edit the locked cells (tests, set-up): the grader restores them and notes the change.

        """;
}
