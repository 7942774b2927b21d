using Grading.Cli;

namespace Grading.Tests;

/// <summary>
/// One plausible wrong answer to one graded answer cell, committed as test data in
/// <c>Fixtures/wrong-answers/&lt;notebook&gt;/&lt;grade_id&gt;/&lt;mistake&gt;.csx</c>. The file is the whole
/// replacement source of the answer cell. Its first lines say what the mistake is, and whether the visible tests must
/// already flag it (the common mistakes, so a student hears of them from <c>validate</c> before the deadline):
/// <code>
/// // mistake: relies on AsSpan to reject a bad row; no range check of its own
/// // validate flags it: yes
/// </code>
/// </summary>
/// <param name="Notebook">The notebook's file name without extension ("00_welcome").</param>
/// <param name="GradeId">The answer cell it replaces.</param>
/// <param name="Name">The file name without extension ("no-range-check").</param>
/// <param name="Source">The replacement cell source.</param>
/// <param name="Mistake">The mistake in words (the <c>// mistake:</c> line).</param>
/// <param name="FlaggedByValidate">True when the visible tests must already fail on it.</param>
internal sealed record WrongAnswer(
    string Notebook,
    string GradeId,
    string Name,
    string Source,
    string Mistake,
    bool FlaggedByValidate)
{
    private const string MistakeTag = "// mistake:";
    private const string ValidateTag = "// validate flags it:";

    public static string Folder =>
        Path.Combine(RepositoryPaths.Root, "grading", "Grading.Tests", "Fixtures", "wrong-answers");

    /// <summary>"nb00_row_view/no-range-check": how tests and messages name it.</summary>
    public string Id => $"{GradeId}/{Name}";

    /// <summary>A student id for the class run: one student per wrong answer.</summary>
    public string Student => $"wrong.{GradeId}.{Name}";

    /// <summary>Every committed wrong answer, in a stable order.</summary>
    public static IReadOnlyList<WrongAnswer> All() => Directory.Exists(Folder)
        ? Directory.EnumerateFiles(Folder, "*.csx", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList()
        : [];

    public static WrongAnswer Load(string path)
    {
        var gradeFolder = Path.GetDirectoryName(path)!;
        var source = File.ReadAllText(path).ReplaceLineEndings("\n").TrimEnd('\n');
        var lines = source.Split('\n');
        var mistake = lines.FirstOrDefault(l =>
            l.StartsWith(MistakeTag, StringComparison.Ordinal))?[MistakeTag.Length..]
            .Trim();
        var flagged = lines.FirstOrDefault(l =>
            l.StartsWith(ValidateTag, StringComparison.Ordinal))?[ValidateTag.Length..]
            .Trim();
        if (string.IsNullOrEmpty(mistake) || flagged is not ("yes" or "no"))
        {
            throw new InvalidDataException($"{path}: a wrong answer starts with a '{MistakeTag} …' line and a " +
                                           $"'{ValidateTag} yes|no' line.");
        }

        return new WrongAnswer(Path.GetFileName(Path.GetDirectoryName(gradeFolder)!), Path.GetFileName(gradeFolder),
            Path.GetFileNameWithoutExtension(path), source, mistake, flagged == "yes");
    }
}
