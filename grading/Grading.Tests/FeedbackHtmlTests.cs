using System.Text.Json.Nodes;
using Grading.Autograde;
using Grading.Exports;
using Grading.Gradebook;
using Grading.Notebooks;

namespace Grading.Tests;

/// <summary>
/// Feedback pages show what a student may see, and nothing in a notebook can make them run code or crash.
/// </summary>
public class FeedbackHtmlTests
{
    private static readonly AssignmentSource Tiny = AssignmentSource.Load(Fixture.TinyNotebook);

    private static readonly CellGrade HiddenFailure = new(
        "square_tests",
        CellKind.Tests,
        AutoScore: 0,
        ManualScore: null,
        MaxScore: 2,
        GradeStatus.Failed,
        "Square(-4): expected 16, found -16. Hint: a negative number squared is positive",
        Comment: null,
        TamperNotes: [])
    { StudentReason = StudentView.HiddenFailure };

    private static NotebookGrade Grade(params CellGrade[] cells) => new("s", "tiny", "", "", null, 0, cells, [], null);

    private static Notebook Executed(Action<Notebook> change)
    {
        var notebook = Tiny.Source.Clone();
        change(notebook);
        return notebook;
    }

    private static void Outputs(Notebook notebook, string gradeId, string json) =>
        notebook.Cells.First(c => c.GradeId == gradeId).Json["outputs"] = JsonNode.Parse(json);

    [Fact]
    public void ThePage_ForbidsScripts_ByContentSecurityPolicy() =>
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" " +
                        $"content=\"{FeedbackHtml.ContentSecurityPolicy}\">",
            FeedbackHtml.Render(Grade(), null, Tiny.Released));

    [Fact]
    public void RichHtmlOutputs_GoInASandboxedFrame_NeverIntoThePage()
    {
        var executed = Executed(nb => Outputs(nb, "square", """[{"data":{"text/html":"<script>steal()</script>"}""" +
                                                            ""","metadata":{},"output_type":"display_data"}]"""));
        var html = FeedbackHtml.Render(Grade(), executed, Tiny.Released);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<iframe class=\"display\" sandbox=\"\" referrerpolicy=\"no-referrer\" " +
                        "srcdoc=\"&lt;script&gt;steal()&lt;/script&gt;\"></iframe>", html);
    }

    [Fact]
    public void ForgedNonStringOutputs_DoNotCrashTheReport()
    {
        var executed = Executed(nb => Outputs(nb, "square", """[{"output_type":"stream","text":5}""" +
                                                            """,{"output_type":"display_data","data":{"text/html":""" +
                                                            """{"x":1},"text/plain":[1,2]}}""" +
                                                            """,{"output_type":"error","evalue":[]},7]"""));
        Assert.Contains("Your notebook, as graded", FeedbackHtml.Render(Grade(), executed, Tiny.Released));
    }

    [Fact]
    public void TestCells_ShowTheVerdictAndTheStudentReason_NotHiddenChecksOrTheirOutput_ByDefault()
    {
        var executed = Executed(nb =>
            Outputs(nb, "square_tests", """[{"name":"stdout","output_type":"stream","text":"✓ Square(-4): 16\n"}]"""));
        var html = FeedbackHtml.Render(Grade(HiddenFailure), executed, Tiny.Released);
        Assert.DoesNotContain("Square(-4)", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(StudentView.HiddenFailure), html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(FeedbackHtml.TestOutputsHidden), html);
    }

    [Fact]
    public void WithHiddenDetailOn_TheInstructorChoseToShowHiddenChecks()
    {
        var executed = Executed(nb =>
            Outputs(nb, "square_tests", """[{"name":"stdout","output_type":"stream","text":"✓ Square(-4): 16\n"}]"""));
        var html = FeedbackHtml.Render(Grade(HiddenFailure), executed, Tiny.Released, showHiddenDetail: true);
        Assert.Contains("Square(-4): expected 16, found -16.", html);
        Assert.Contains("✓ Square(-4): 16", html);
    }

    [Fact]
    public void GradescopeAndClassroom_ShowTheStudentReason()
    {
        var gradescope = PlatformResults.Gradescope([Grade(HiddenFailure)]);
        Assert.Equal(StudentView.HiddenFailure, gradescope["tests"]![0]!["output"]!.GetValue<string>());
        Assert.Equal(
            StudentView.HiddenFailure,
            PlatformResults.Classroom([Grade(HiddenFailure)])["tests"]![0]!["message"]!.GetValue<string>());
    }
}
