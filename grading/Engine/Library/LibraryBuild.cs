using System.Diagnostics;

namespace NotebookEngine;

/// <summary>
/// Notebooks load ../lib/bin/TensorLab.dll. Before running one, make sure it exists, is newer than the library's
/// sources and was compiled optimised, building it in Release with the SDK when not (what the devcontainer does once
/// on creation): notebooks time the library, and a Debug build would make those timings untrustworthy.
/// </summary>
public static class LibraryBuild
{
    /// <summary>Builds the library that a notebook in <paramref name="notebookDirectory"/> loads (../lib).</summary>
    /// <exception cref="InvalidOperationException">The build failed; the message holds its output.</exception>
    public static void EnsureBuilt(string notebookDirectory) =>
        EnsureLibrary(Path.GetFullPath(Path.Combine(notebookDirectory, "..", "lib")));

    /// <summary>
    /// Builds <paramref name="libraryRoot"/>/TensorLab in Release when bin/TensorLab.dll is missing, older than its
    /// sources, or compiled without optimisation.
    /// </summary>
    /// <exception cref="InvalidOperationException">The build failed; the message holds its output.</exception>
    public static void EnsureLibrary(string libraryRoot)
    {
        var project = Path.Combine(libraryRoot, "TensorLab", "TensorLab.csproj");
        var dll = Path.Combine(libraryRoot, "bin", "TensorLab.dll");
        if (!File.Exists(project))
        {
            return;
        }

        var objFolder = $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}";
        var newestSource = Directory
            .EnumerateFiles(Path.Combine(libraryRoot, "TensorLab"), "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(objFolder, StringComparison.Ordinal))
            .Max(File.GetLastWriteTimeUtc);
        if (File.Exists(dll)
            && File.GetLastWriteTimeUtc(dll) >= newestSource
            && AssemblyOptimization.IsJitOptimized(dll))
        {
            return;
        }

        var build = Process.Start(new ProcessStartInfo(
            "dotnet",
            ["build", project, "-c", "Release", "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = build.StandardOutput.ReadToEnd() + build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Building {project} failed, so notebooks cannot load TensorLab.dll:\n{output}");
        }
    }
}
