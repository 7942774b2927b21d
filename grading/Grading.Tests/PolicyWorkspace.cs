using Grading.Cli;
using Grading.Policy;
using NotebookEngine;
using NotebookEngine.Analysis;

namespace Grading.Tests;

/// <summary>
/// A folder laid out as a worker's scratch (notebooks/ with the course's support files, beside lib/bin/TensorLab.dll),
/// so notebooks reviewed here resolve <c>#r "../lib/bin/TensorLab.dll"</c> as when they are graded. Built once per test
/// run.
/// </summary>
internal static class PolicyWorkspace
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        LibraryBuild.EnsureLibrary(Path.Combine(RepositoryPaths.Root, "lib"));
        var root = Fixture.TempFolder();
        var bin = Directory.CreateDirectory(Path.Combine(root, "lib", "bin")).FullName;
        File.Copy(
            Path.Combine(RepositoryPaths.Root, "lib", "bin", "TensorLab.dll"),
            Path.Combine(bin, "TensorLab.dll"));
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        // The course's support files (the chart helpers its notebooks #load), as the grader writes them for a worker.
        var welcome = Path.Combine(RepositoryPaths.Root, "notebooks", "00_welcome.ipynb");
        foreach (var (name, text) in Grading.Notebooks.SupportFiles.Beside(welcome))
        {
            File.WriteAllText(Path.Combine(notebooks, name), text);
        }

        return notebooks;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The notebooks folder of the workspace.</summary>
    public static string Notebooks => Folder.Value;

    /// <summary>
    /// The violations of <paramref name="code"/> as one student cell after the set-up cell, under
    /// <paramref name="policy"/> (default: the course's).
    /// </summary>
    public static IReadOnlyList<PolicyViolation> Violations(string code, ApiPolicy? policy = null)
    {
        var chain = ScriptChain.Start(Notebooks);
        chain.Append(chain.Compile("#r \"../lib/bin/TensorLab.dll\"\nusing TensorLab;"));
        return PolicyChecker.Check(chain.Compile(code), policy ?? new ApiPolicy(CoursePolicy.Rules));
    }
}
