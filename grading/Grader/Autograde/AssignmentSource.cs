using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Release;

namespace Grading.Autograde;

/// <summary>
/// One instructor notebook and the student version it releases as: the source restores locked cells and hidden tests;
/// the release's checksums tell tampering and unanswered manual cells apart.
/// </summary>
internal sealed class AssignmentSource
{
    private AssignmentSource(
        string name,
        Notebook source,
        Notebook released,
        string hash,
        IReadOnlyDictionary<string, string> supportFiles)
    {
        Name = name;
        Source = source;
        Released = released;
        Hash = hash;
        SupportFiles = supportFiles;
    }

    /// <summary>The notebook's file name without extension.</summary>
    public string Name { get; }

    /// <summary>The instructor's notebook (solutions, hidden tests).</summary>
    public Notebook Source { get; }

    /// <summary>What students received.</summary>
    public Notebook Released { get; }

    /// <summary>SHA-256 of the source file and its support files, so a changed source or helper regrades
    /// everyone.</summary>
    public string Hash { get; }

    /// <summary>
    /// The instructor's <c>*.csx</c> files beside the notebook (file name → text), which notebooks <c>#load</c> (the
    /// chart helpers). They are written next to the notebook the worker runs, from this copy, never from the
    /// submission.
    /// </summary>
    public IReadOnlyDictionary<string, string> SupportFiles { get; }

    public static AssignmentSource Load(string path)
    {
        var source = Notebook.Load(path);
        var name = Path.GetFileNameWithoutExtension(path);
        var released = ReleasePipeline.Create().Run(source.Clone(), new StepContext());
        var supportFiles = Grading.Notebooks.SupportFiles.Beside(path);
        // The same bytes as before, fed in pieces: the notebook, then each support file's name and text.
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(
            System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(File.ReadAllBytes(path));
        foreach (var (file, text) in supportFiles)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n" + text));
        }

        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        return new AssignmentSource(name, source, released, hash, supportFiles);
    }

    /// <summary>The released checksum of the cell with <paramref name="gradeId"/>.</summary>
    public string? ReleasedChecksum(string gradeId) =>
        Released.Cells.FirstOrDefault(c => c.GradeId == gradeId)?.Nbgrader?.Checksum;
}
