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
    private AssignmentSource(string name, Notebook source, Notebook released, string hash)
    {
        Name = name;
        Source = source;
        Released = released;
        Hash = hash;
    }

    /// <summary>The notebook's file name without extension.</summary>
    public string Name { get; }

    /// <summary>The instructor's notebook (solutions, hidden tests).</summary>
    public Notebook Source { get; }

    /// <summary>What students received.</summary>
    public Notebook Released { get; }

    /// <summary>SHA-256 of the source file, so a changed source regrades everyone.</summary>
    public string Hash { get; }

    public static AssignmentSource Load(string path)
    {
        var source = Notebook.Load(path);
        var name = Path.GetFileNameWithoutExtension(path);
        var released = ReleasePipeline.Create().Run(source.Clone(), new StepContext(name));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        return new AssignmentSource(name, source, released, hash);
    }

    /// <summary>The released checksum of the cell with <paramref name="gradeId"/>.</summary>
    public string? ReleasedChecksum(string gradeId) => Released.Cells.FirstOrDefault(c => c.GradeId == gradeId)?.Nbgrader?.Checksum;
}
