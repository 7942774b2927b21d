namespace Grading.Running.Isolation;

/// <summary>
/// A worker's private folder on the host: the course library copy in lib/bin (notebooks load "../lib/bin/TensorLab.dll"
/// from notebooks/), and the notebooks/ and home/ folders. In the sandbox the folder is bound read-only and notebooks/
/// and home/ are replaced by size-capped in-memory folders, so a student writes nothing to the host's disk.
/// </summary>
internal sealed class WorkerScratch : IDisposable
{
    private WorkerScratch(string root) => Root = root;

    /// <summary>The folder itself.</summary>
    public string Root { get; }

    /// <summary>The worker's working directory.</summary>
    public string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>The worker's HOME.</summary>
    public string Home => Path.Combine(Root, "home");

    /// <summary>
    /// A fresh scratch folder with a copy of <paramref name="libraryDll"/> when it exists, and the instructor's support
    /// files (file name → text, the <c>#load</c>ed chart helpers) in notebooks/, from the source, never the submission.
    /// </summary>
    public static WorkerScratch Create(string? libraryDll, IReadOnlyDictionary<string, string>? supportFiles = null)
    {
        var scratch = new WorkerScratch(Directory.CreateTempSubdirectory("grader-worker-").FullName);
        Directory.CreateDirectory(scratch.Notebooks);
        foreach (var (name, text) in supportFiles ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(scratch.Notebooks, Path.GetFileName(name)), text);
        }

        Directory.CreateDirectory(scratch.Home);
        if (libraryDll is not null && File.Exists(libraryDll))
        {
            var bin = Directory.CreateDirectory(Path.Combine(scratch.Root, "lib", "bin")).FullName;
            File.Copy(libraryDll, Path.Combine(bin, "TensorLab.dll"));
        }

        // The sandbox user is not the grader's user: it must be able to read (never write) the library copy.
        SandboxRuntime.MakeReadable(scratch.Root);
        return scratch;
    }

    /// <summary>Removes the folder; a leftover never fails a grade.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A worker killed mid-write can leave a file busy for a moment; the OS temp cleaner gets it later.
        }
    }
}
