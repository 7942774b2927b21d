using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grading.Running.Execution;

/// <summary>
/// The `.net-csharp` kernelspec: where Jupyter clients look for it, the kernel.json that starts grading/Kernel, and the
/// Release build of the kernel it points at (absolute paths, so it works from a clone and from a student release).
/// </summary>
internal static class KernelSpec
{
    /// <summary>The kernel's name: the folder name under kernels/, and what .NET Interactive notebooks already
    /// carry.</summary>
    public const string Name = ".net-csharp";

    /// <summary>The user's Jupyter data folder (JUPYTER_DATA_DIR, else the platform's default), as jupyter_client
    /// computes it.</summary>
    public static string UserDataFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data)
        {
            return data;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        }

        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter");
        }

        return Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? Path.Combine(xdg, "jupyter")
            : Path.Combine(home, ".local", "share", "jupyter");
    }

    /// <summary>The kernelspec folder under a data folder (user) or a prefix (<c>PREFIX/share/jupyter</c>).</summary>
    public static string Folder(string? prefix) =>
        Path.Combine(
            prefix is null ? UserDataFolder() : Path.Combine(Path.GetFullPath(prefix), "share", "jupyter"),
            "kernels",
            Name);

    /// <summary>Every kernels/ folder Jupyter searches, in its order (JUPYTER_PATH, user, system).</summary>
    public static IEnumerable<string> SearchedFolders()
    {
        var paths = (Environment.GetEnvironmentVariable("JUPYTER_PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        paths.Add(UserDataFolder());
        paths.AddRange(OperatingSystem.IsWindows()
            ? [Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter")]
            : ["/usr/local/share/jupyter", "/usr/share/jupyter"]);
        return paths.Select(p => Path.Combine(p, "kernels", Name)).Distinct();
    }

    /// <summary>grading/Kernel/Kernel.csproj, found upward from <paramref name="start"/>; null when this is not a
    /// course folder.</summary>
    public static string? FindKernelProject(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidates = new[]
            {
                Path.Combine(directory.FullName, "grading", "Kernel", "Kernel.csproj"),
                Path.Combine(directory.FullName, "Kernel", "Kernel.csproj"),
            };
            foreach (var candidate in candidates)
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Builds the kernel in Release and returns its NotebookKernel.dll.</summary>
    /// <exception cref="InvalidOperationException">The build failed; the message holds its output.</exception>
    public static string Build(string project)
    {
        var output = Path.Combine(Path.GetDirectoryName(project)!, "bin", "kernel");
        var build = Process.Start(new ProcessStartInfo(
            "dotnet",
            ["build", project, "-c", "Release", "-o", output, "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building {project} failed:\n{log.Result}{errors}");
        }

        return Path.Combine(output, "NotebookKernel.dll");
    }

    /// <summary>Writes kernel.json into <paramref name="folder"/> (replacing an older one) and returns its
    /// path.</summary>
    public static string Write(string folder, string kernelDll)
    {
        Directory.CreateDirectory(folder);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(
                DotnetHost(),
                Path.GetFullPath(kernelDll),
                "--connection-file",
                "{connection_file}"),
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
        };
        var file = Path.Combine(folder, "kernel.json");
        File.WriteAllText(file, spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return file;
    }

    // The dotnet that runs this grader, by absolute path: Jupyter clients may start kernels with a PATH without it.
    private static string DotnetHost()
    {
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
