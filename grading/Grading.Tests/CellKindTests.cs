using System.Text.Json;
using Grading.Gradebook;
using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Tests;

/// <summary>
/// The one rule from nbgrader flags to a cell kind, and the names kinds, statuses and notes are written with: the
/// gradebook keeps the strings it always had, so earlier gradebooks and the tools reading them still agree.
/// </summary>
public class CellKindTests
{
    private static NbgraderMetadata Flags(bool grade, bool solution, bool locked, bool task) =>
        new(grade, solution, locked, task, "id", 1, null, 3);

    [Theory]
    [InlineData(false, true, false, false, "answer", true)]
    [InlineData(true, false, true, false, "tests", true)]
    [InlineData(true, true, false, false, "manual", true)]
    [InlineData(false, false, true, true, "task", true)]
    [InlineData(false, false, true, false, "read-only", true)]
    [InlineData(false, false, false, false, "plain", false)]
    [InlineData(true, false, false, false, "tests", false)]
    [InlineData(true, true, false, true, "task", false)]
    public void NbgraderFlags_TheKindAndWhetherTheyAreCanonicalFollow(
        bool grade,
        bool solution,
        bool locked,
        bool task,
        string kind,
        bool canonical)
    {
        var nb = Flags(grade, solution, locked, task);
        Assert.Equal((kind, canonical), (nb.Kind.WireName(), CellKinds.HasCanonicalFlags(nb)));
    }

    [Fact]
    public void ACellWithoutNbgraderMetadata_IsPlain_AndNotGraded()
    {
        Assert.Equal(CellKind.Plain, CellKinds.Of(null));
        Assert.False(CellKind.Plain.IsGraded());
        Assert.Equal(
            [CellKind.Tests, CellKind.Manual, CellKind.Task],
            Enum.GetValues<CellKind>().Where(k => k.IsGraded()));
    }

    [Fact]
    public void AGrade_WhenWrittenToTheGradebook_KindStatusAndNotesUseTheirNames_AndReadBack()
    {
        var cell = new CellGrade(
            "why_answer",
            CellKind.Manual,
            AutoScore: null,
            ManualScore: null,
            MaxScore: 1,
            GradeStatus.NeedsManualGrade,
            Reason: null, Comment: null, TamperNotes: []);
        var grade = new NotebookGrade("ada", "tiny", "h", "s", Timestamp: null, LatePenalty: 0, [cell],
            [
                new GradingNote(NoteKind.Tamper, "why_answer", "restored"),
                new GradingNote(NoteKind.Run, null, "ran in 1.0 s"),
            ], Error: null);

        var json = JsonSerializer.Serialize(grade, GradebookJson.Options);

        Assert.Contains("\"kind\": \"manual\"", json);
        Assert.Contains("\"status\": \"needs-manual-grade\"", json);
        Assert.Contains("\"kind\": \"tamper\"", json);
        Assert.Contains("\"grade_id\": \"why_answer\"", json);
        var back = JsonSerializer.Deserialize<NotebookGrade>(json, GradebookJson.Options)!;
        Assert.Equal((CellKind.Manual, GradeStatus.NeedsManualGrade), (back.Cells[0].Kind, back.Cells[0].Status));
        Assert.Equal(grade.Notes, back.Notes);
    }

    [Theory]
    [InlineData(GradeStatusName.Passed, "passed")]
    [InlineData(GradeStatusName.Partial, "partial")]
    [InlineData(GradeStatusName.Failed, "failed")]
    [InlineData(GradeStatusName.NeedsManualGrade, "needs-manual-grade")]
    [InlineData(GradeStatusName.ManuallyGraded, "manually-graded")]
    [InlineData(GradeStatusName.NoResponse, "no-response")]
    public void EveryStatus_IsWrittenWithTheNameGradebooksAlwaysUsed(GradeStatusName status, string name)
    {
        var value = Enum.Parse<GradeStatus>(status.ToString());
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(value, GradebookJson.Options));
        Assert.Equal(name, value.WireName());
    }

    /// <summary>The statuses by name, public so a theory can list them (the enum itself is internal).</summary>
    public enum GradeStatusName
    {
        Passed,
        Partial,
        Failed,
        NeedsManualGrade,
        ManuallyGraded,
        NoResponse,
    }
}
