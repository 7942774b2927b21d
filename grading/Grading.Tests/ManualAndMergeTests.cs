using Grading.Autograde;
using Grading.Gradebook;

namespace Grading.Tests;

/// <summary>Manual grading round trip and shard merging, on the graded sample class.</summary>
public class ManualAndMergeTests(SampleClassFixture graded) : IClassFixture<SampleClassFixture>
{
    private static string Source =>
        Path.Combine(Cli.RepositoryPaths.Root, "grading", "samples", "assignment", "notebooks");

    private static string CopyOf(string output)
    {
        var copy = Fixture.TempFolder();
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(output, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static string PerfectRow(string[] lines) =>
        lines.Single(line => line.StartsWith("perfect,", StringComparison.Ordinal));

    [Fact]
    public async Task ManualExport_ThenImport_ScoresWinAndSurviveARebuild()
    {
        var output = CopyOf(graded.Output);
        var (code, text, _) = await Fixture.RunCliAsync("manual", "export", "--out", output, "--source", Source);
        Assert.Equal(0, code);
        Assert.Contains("6 answer(s) to grade", text); // perfect and the five hostile-but-correct students of issue 11
        var sheet = Path.Combine(output, "manual", "manual-grades.csv");
        var lines = File.ReadAllLines(sheet);
        Assert.Equal("student,notebook,grade_id,max_score,score,comment,answer,mark_scheme", lines[0]);
        var perfectRow = PerfectRow(lines);
        // quoted: the answer has a comma
        Assert.StartsWith("perfect,tiny,why_answer,1,,,\"Each step multiplies", perfectRow);
        Assert.EndsWith(",One point for naming multiplication.", perfectRow);
        Assert.Contains("**Mark scheme**", File.ReadAllText(Path.Combine(output, "manual", "manual-grades.md")));

        File.WriteAllLines(
            sheet,
            [
                lines[0],
                perfectRow.Replace("why_answer,1,,,", "why_answer,1,1,Clear and correct.,", StringComparison.Ordinal),
            ]);
        (code, text, _) = await Fixture.RunCliAsync("manual", "import", "--out", output, "--source", Source);

        Assert.Equal(0, code);
        var gradebook = GradebookJson.Read<ClassGradebook>(Path.Combine(output, "gradebook.json"))!;
        var perfect = gradebook.Notebooks.Single(n => n.Student == "perfect");
        Assert.Equal(5, perfect.Score);
        Assert.Equal(
            (GradeStatus.ManuallyGraded, "Clear and correct."),
            (perfect.Cells[2].Status, perfect.Cells[2].Comment!));
        Assert.Contains("perfect,,,,5,0,5,5,2,2,1", File.ReadAllText(Path.Combine(output, "grades.csv")));
        Assert.Contains(
            "Clear and correct.",
            File.ReadAllText(Path.Combine(output, "feedback", "perfect", "tiny.html")));
    }

    [Fact]
    public async Task ManualImport_RejectsAScoreAboveTheMaximum_NamingTheRow()
    {
        var output = CopyOf(graded.Output);
        await Fixture.RunCliAsync("manual", "export", "--out", output, "--source", Source);
        var sheet = Path.Combine(output, "manual", "manual-grades.csv");
        var lines = File.ReadAllLines(sheet);
        File.WriteAllLines(
            sheet,
            [lines[0], PerfectRow(lines).Replace("why_answer,1,,,", "why_answer,1,7,,", StringComparison.Ordinal)]);
        var (code, _, error) = await Fixture.RunCliAsync("manual", "import", "--out", output, "--source", Source);
        Assert.Equal(1, code);
        Assert.Contains("row 2 (perfect, why_answer): score '7' must be a number between 0 and 1.", error);
    }

    [Fact]
    public void Shards_SplitTheClassDeterministicallyAndCompletely()
    {
        var students = graded.Gradebook.Students.ToList();
        var shards = students.GroupBy(s => ClassGrader.ShardOf(s, 3)).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(students.Count, shards.Values.Sum(s => s.Count));
        Assert.All(shards.Keys, shard => Assert.InRange(shard, 1, 3));
        Assert.Equal(shards[1], students.Where(s => ClassGrader.ShardOf(s, 3) == 1));
    }

    [Fact]
    public async Task Merge_OfTwoShardOutputs_GivesTheWholeClass()
    {
        var (first, second) = (CopyOf(graded.Output), CopyOf(graded.Output));
        foreach (var student in graded.Gradebook.Students)
        {
            Directory.Delete(
                Path.Combine(ClassGrader.ShardOf(student, 2) == 1 ? second : first, "students", student),
                recursive: true);
        }

        var merged = Fixture.TempFolder();
        var (code, text, error) = await Fixture.RunCliAsync(
            "merge",
            first,
            second,
            "--out",
            merged,
            "--source",
            Source);

        Assert.True(code == 0, error);
        Assert.Contains("Merged 2 shard(s)", text);
        var gradebook = GradebookJson.Read<ClassGradebook>(Path.Combine(merged, "gradebook.json"))!;
        Assert.Equal(graded.Gradebook.Students, gradebook.Students);
        Assert.Equal(graded.Gradebook.Notebooks.Sum(n => n.Score), gradebook.Notebooks.Sum(n => n.Score));
    }
}
