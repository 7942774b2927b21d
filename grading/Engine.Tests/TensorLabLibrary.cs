using System.Diagnostics;

namespace Engine.Tests;

/// <summary>
/// lib/bin/TensorLab.dll, the library notebooks #r, built from lib/TensorLab when a fresh clone has not built it yet
/// (the engine does not reference it: notebooks load it at run time, so tests load it the same way).
/// </summary>
internal static class TensorLabLibrary
{
    private static readonly Lazy<string> Built = new(Build);

    /// <summary>The absolute path of the built TensorLab.dll (its XML documentation beside it).</summary>
    public static string DllPath => Built.Value;

    private static string Build()
    {
        var root = RepositoryRoot(AppContext.BaseDirectory);
        var dll = Path.Combine(root, "lib", "bin", "TensorLab.dll");
        if (File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".xml")))
        {
            return dll;
        }

        var build = Process.Start(new ProcessStartInfo(
            "dotnet",
            ["build", Path.Combine(root, "lib", "TensorLab", "TensorLab.csproj"), "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEnd();
        build.WaitForExit();
        return build.ExitCode == 0 && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException(
                $"Building lib/TensorLab failed (exit {build.ExitCode}):\n{output.Result}\n{errors}");
    }

    private static string RepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EmbeddingsCourse.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No EmbeddingsCourse.slnx above {start}: run the tests from the repository.");
    }
}
