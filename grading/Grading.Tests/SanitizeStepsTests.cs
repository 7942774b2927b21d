using System.Text.Json.Nodes;
using Grading.Autograde;
using Grading.Autograde.Sanitize;
using Grading.Notebooks;
using Grading.Pipelines;

namespace Grading.Tests;

/// <summary>
/// Each sanitize step on its own, in memory (nbgrader's per-preprocessor tests are the model): a student's copy of the
/// tiny assignment is bent the way a student would bend it, and the step must put it right and say what it did.
/// </summary>
public class SanitizeStepsTests
{
    private static readonly AssignmentSource Tiny = AssignmentSource.Load(Fixture.TinyNotebook);

    private static Notebook StudentCopy() => Tiny.Released.Clone();

    private static int IndexOf(Notebook notebook, string gradeId) =>
        notebook.Cells.FindIndex(c => c.GradeId == gradeId);

    [Fact]
    public void ACopiedAnswerCell_WhenDeduplicated_TheLastCopyStays_AndANoteSaysSo()
    {
        var notebook = StudentCopy();
        var square = IndexOf(notebook, "square");
        var first = new NotebookCell(notebook.Cells[square].Json.DeepClone().AsObject())
        {
            Source = "static int Square(int x) => 0;",
        };
        notebook.Cells.Insert(square, first);
        notebook.Cells[square + 1].Source = "static int Square(int x) => x * x;";
        var context = new StepContext();

        var result = new DeduplicateGradeIds().Process(notebook, context);

        var kept = Assert.Single(result.Cells, c => c.GradeId == "square");
        Assert.Equal("static int Square(int x) => x * x;", kept.Source);
        Assert.Contains(
            context.Notes,
            n =>
                n.Note is { Kind: NoteKind.Tamper, GradeId: "square" }
                    && n.Note.Text.Contains("'square' appeared more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEditedTestCell_WhenLockedCellsAreRestored_TheSourceTextAndHiddenTestsComeBack_WithATamperNote()
    {
        var notebook = StudentCopy();
        var tests = IndexOf(notebook, "square_tests");
        notebook.Cells[tests].Source = "// all good\n";
        var context = new StepContext();

        var result = new RestoreLockedCells(Tiny).Process(notebook, context);

        Assert.Equal(Tiny.Source.Cells[IndexOf(Tiny.Source, "square_tests")].Source, result.Cells[tests].Source);
        Assert.Contains("BEGIN HIDDEN TESTS", result.Cells[tests].Source);
        Assert.Contains(
            (tests, new GradingNote(NoteKind.Tamper, "square_tests", "the locked cell 'square_tests' was modified; " +
                                                                     "the original was restored before grading")),
            context.Notes);
    }

    [Fact]
    public void UntouchedLockedCells_WhenRestored_NoNoteIsLeft()
    {
        var context = new StepContext();

        new RestoreLockedCells(Tiny).Process(StudentCopy(), context);

        Assert.Empty(context.Notes);
    }

    [Fact]
    public void ADeletedTestCell_WhenRestored_ReturnsRightAfterTheCellBeforeIt()
    {
        var notebook = StudentCopy();
        notebook.Cells.RemoveAt(IndexOf(notebook, "square_tests"));
        var context = new StepContext();

        var result = new RestoreLockedCells(Tiny).Process(notebook, context);

        Assert.Equal(IndexOf(result, "square") + 1, IndexOf(result, "square_tests"));
        Assert.Contains(
            (-1, new GradingNote(NoteKind.Tamper, "square_tests", "the locked cell 'square_tests' was deleted; it " +
                                                                  "was put back")),
            context.Notes);
    }

    [Fact]
    public void ADeletedAnswerCellBelowAnUnnamedMarkdownCell_WhenRestored_TheStubReturnsInPlace_NotAtTheTop()
    {
        // The usual layout: a markdown instruction (no grade id) right above the answer cell.
        var source = AssignmentWithInstructionAbove("square");
        var notebook = source.Released.Clone();
        notebook.Cells.RemoveAt(IndexOf(notebook, "square"));
        var context = new StepContext();

        var result = new RestoreAnswerCells(source).Process(notebook, context);

        var square = IndexOf(result, "square");
        Assert.Equal("instruction", result.Cells[square - 1].Id);
        Assert.Equal(square + 1, IndexOf(result, "square_tests"));
        Assert.Contains((-1, new GradingNote(NoteKind.Tamper, "square", "the answer cell 'square' was deleted; the " +
                                                                        "empty stub was put back")), context.Notes);
    }

    [Fact]
    public void AMarkdownAnswerTurnedIntoCode_WhenRestored_IsMarkdownAgain_WithItsTextKept()
    {
        var notebook = StudentCopy();
        var answer = IndexOf(notebook, "why_answer");
        notebook.Cells[answer].CellType = "code";
        notebook.Cells[answer].Source = "My answer.";
        var context = new StepContext();

        var result = new RestoreAnswerCells(Tiny).Process(notebook, context);

        Assert.Equal("markdown", result.Cells[answer].CellType);
        Assert.Equal("My answer.", result.Cells[answer].Source);
        Assert.False(result.Cells[answer].Json.ContainsKey("outputs"));
        Assert.Contains(
            (answer, new GradingNote(NoteKind.Tamper, "why_answer", "the answer cell 'why_answer' was changed from " +
                                                                    "markdown to code; its type was restored")),
            context.Notes);
    }

    [Fact]
    public void AnAnswerCellWhoseMetadataClaimsToBeATest_WhenRestored_TheReleasedMetadataComesBack()
    {
        var notebook = StudentCopy();
        var square = IndexOf(notebook, "square");
        notebook.Cells[square].Metadata["nbgrader"]!["grade"] = true;
        notebook.Cells[square].Metadata["nbgrader"]!["points"] = 100;

        var result = new RestoreAnswerCells(Tiny).Process(notebook, new StepContext());

        Assert.Equal(
            Tiny.Released.Cells[square].Metadata["nbgrader"]!.ToJsonString(),
            result.Cells[square].Metadata["nbgrader"]!.ToJsonString());
    }

    [Fact]
    public void AnotherKernelInTheMetadata_WhenRestored_TheSourcesKernelspecComesBack()
    {
        var notebook = StudentCopy();
        notebook.Metadata["kernelspec"] = new JsonObject
        {
            ["name"] = "python3",
            ["display_name"] = "Python 3",
            ["language"] = "python",
        };

        var result = new RestoreNotebookMetadata(Tiny).Process(notebook, new StepContext());

        Assert.Equal(Tiny.Source.Metadata["kernelspec"]!.ToJsonString(), result.Metadata["kernelspec"]!.ToJsonString());
    }

    [Fact]
    public void TestCellsCallingCheck_WhenImmunized_TheyCallTheLibrarysCheck_AndAStudentTypeNamedCheckIsNoted()
    {
        var notebook = Tiny.Source.Clone();
        var square = IndexOf(notebook, "square");
        notebook.Cells[square].Source += "\nstatic class Check { }";
        var context = new StepContext();

        var result = new ImmunizeTestHelpers().Process(notebook, context);

        var tests = result.Cells[IndexOf(result, "square_tests")].Source;
        Assert.Contains("global::TensorLab.Check.Equal(", tests);
        Assert.DoesNotContain(" TensorLab.Check.", tests);
        Assert.Contains(
            (square, new GradingNote(NoteKind.Shadowing, null, "declares a type named 'Check', the name of a test " +
                                                               "helper; tests call the library's own one")),
            context.Notes);
    }

    // The tiny assignment with an instruction cell (markdown, no nbgrader metadata) inserted above the given cell.
    private static AssignmentSource AssignmentWithInstructionAbove(string gradeId)
    {
        var notebook = Notebook.Load(Fixture.TinyNotebook);
        var instruction = new JsonObject
        {
            ["cell_type"] = "markdown",
            ["id"] = "instruction",
            ["metadata"] = new JsonObject(),
            ["source"] = NotebookCell.SourceLines("Write `Square` below."),
        };
        notebook.Cells.Insert(IndexOf(notebook, gradeId), new NotebookCell(instruction));
        var path = Path.Combine(Fixture.TempFolder(), "tiny.ipynb");
        notebook.Save(path);
        return AssignmentSource.Load(path);
    }
}
