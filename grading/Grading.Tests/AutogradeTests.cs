using System.Text.Json.Nodes;
using Grading.Autograde;
using Grading.Gradebook;
using Grading.Pipelines;
using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>
/// The sample class: perfect, partial, broken and hostile students, each with its expected score and reason.
/// </summary>
public class AutogradeTests(SampleClassFixture graded) : IClassFixture<SampleClassFixture>
{
    private NotebookGrade Grade(string student) => graded.Gradebook.Notebooks.Single(n => n.Student == student);

    private CellGrade Cell(string student, string id) => Grade(student).Cells.Single(c => c.GradeId == id);

    private static IEnumerable<string> Texts(IEnumerable<GradingNote> notes) => notes.Select(n => n.Text);

    [Theory]
    // student,           square_tests, partial_tests, reason of the square_tests cell (start)
    [InlineData("perfect", 2, 2, null)]
    [InlineData("partial", 0, 1, "Square(-4): expected 16, found -16. Hint: a negative number squared is positive")]
    [InlineData("empty", 0, 0, "Not implemented yet: replace `throw new NotImplementedException();` with your code.")]
    [InlineData("compile_error", 0, 0, "Does not compile: (2,44): error CS0103: The name 'Square' does not exist " +
                                       "in the current context")]
    [InlineData("infinite_loop", 0, 0, "Does not compile: (2,44): error CS0103: The name 'Square' does not exist")]
    // exits, snoops, opens_socket: the code policy refuses the answer cell before it runs (issue 11), so Square is
    // never defined.
    [InlineData("exits", 0, 0, "Cell 2 was not run: line 5 uses System.Environment.Exit (the process and its " +
                               "environment), which this assignment does not allow. So this cell does not compile: " +
                               "(2,44): error CS0103: The name 'Square' does not exist")]
    [InlineData("recursion", 0, 0, "The process crashed with a stack overflow while running cell 3")]
    [InlineData("huge_allocation", 2, 2, null)]
    [InlineData("fake_pass", 0, 0, "Square(3): expected 9, found 0. Hint: multiply x by itself")]
    [InlineData("tampered_test", 0, 0, "Square(3): expected 9, found 0.")]
    [InlineData("deleted_test", 2, 2, null)]
    [InlineData("duplicated_cell", 2, 2, null)]
    [InlineData("shadows_helpers", 0, 0, "Square(3): expected 9, found 0.")]
    [InlineData("snoops", 0, 0, "Cell 2 was not run: line 6 uses System.IO.Directory.Exists (the file system), " +
                                "which this assignment does not allow (and 1 more). So this cell does not compile")]
    [InlineData("opens_socket", 0, 0, "Cell 2 was not run: line 5 uses System.Net.Sockets.TcpClient")]
    [InlineData("floods_output", 2, 2, null)]
    [InlineData("malformed_json", 0, 0, "Your notebook file could not be read (see the note).")]
    [InlineData("wrong_nbformat", 0, 0, "Your notebook file could not be read (see the note).")]
    [InlineData("not_submitted", 0, 0, "Not submitted.")]
    public void EveryStudent_GetsTheExpectedScoreAndReason(
        string student,
        double square,
        double partial,
        string? reason)
    {
        Assert.Equal(square, Cell(student, "square_tests").Score);
        Assert.Equal(partial, Cell(student, "partial_tests").Score);
        if (reason is null)
        {
            Assert.Null(Cell(student, "square_tests").Reason);
        }
        else
        {
            Assert.StartsWith(reason, Cell(student, "square_tests").Reason);
        }
    }

    [Fact]
    public void PartialCredit_ComesFromTheCellsNumericValue_WithAReason()
    {
        Assert.Equal(GradeStatus.Partial, Cell("partial", "partial_tests").Status);
        Assert.Equal("Partial credit: the tests awarded 1 of 2 points.", Cell("partial", "partial_tests").Reason);
    }

    [Fact]
    public void ManualAnswers_UnchangedAreNoResponse_WrittenOnesWaitForAPerson()
    {
        var empty = Cell("empty", "why_answer");
        Assert.Equal((GradeStatus.NoResponse, 0.0, "No response."), (empty.Status, empty.Score, empty.Reason!));
        Assert.True(Cell("perfect", "why_answer").NeedsManualGrade);
        // perfect, backdated, deep_markdown, rich_output, =1+1, setup_overtaker
        Assert.Contains("6 answer(s) wait for a person", graded.Printed);
    }

    [Fact]
    public void Tampering_IsRestoredAndRecorded()
    {
        Assert.Contains(
            "the locked cell 'square_tests' was modified; the original was restored before grading",
            Cell("tampered_test", "square_tests").TamperNotes);
        Assert.Contains(
            "the locked cell 'square_tests' was deleted; it was put back",
            Texts(Grade("deleted_test").Notes));
        Assert.Contains(
            "cell 'square' appeared more than once: the last copy was graded, the earlier one dropped",
            Texts(Grade("duplicated_cell").Notes));
        Assert.Contains(
            Texts(Grade("shadows_helpers").Notes),
            n => n.Contains("declares a type named 'TensorLab'", StringComparison.Ordinal));
    }

    [Fact]
    public void PrintedText_NeverScores_AndHiddenTestsRunButNeverReachFeedback()
    {
        var feedback = File.ReadAllText(Path.Combine(graded.Output, "feedback", "partial", "tiny.html"));
        // The hidden case's values stay in the gradebook for the instructor; the student's page says a hidden check
        // failed.
        Assert.StartsWith("Square(-4): expected 16, found -16.", Cell("partial", "square_tests").Reason);
        Assert.DoesNotContain("Square(-4)", feedback);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Grading.Exports.StudentView.HiddenFailure), feedback);
        Assert.DoesNotContain("BEGIN HIDDEN TESTS", feedback);
        Assert.DoesNotContain("TensorLab.Check.Equal(\"Square(-4)\"", feedback);
        Assert.Contains("<th>0 / 5</th>", feedback);
        Assert.Contains("(raw 1, late penalty −1)", feedback);
        Assert.Equal(0, Grade("fake_pass").RawScore);
    }

    [Fact]
    public void LatePenalty_IsPerStartedHourAfterTheDueDate_ClippedToTheScore()
    {
        // perfect submitted 2026-11-20 (on time); partial 2026-11-21T09:30Z: 10 started hours late × 0.5 = 5, clipped
        // to its raw 1.
        Assert.Equal(0, Grade("perfect").LatePenalty);
        Assert.Equal(1, Grade("partial").LatePenalty);
        Assert.Equal(0, Grade("partial").Score);
    }

    [Fact]
    public void Outputs_AreAllWritten_AndTheBatchFinishes()
    {
        Assert.Equal(0, graded.ExitCode);
        Assert.Equal(30, graded.Gradebook.Students.Count());
        var csv = File.ReadAllLines(Path.Combine(graded.Output, "grades.csv"));
        Assert.Equal(
            "assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,late_submission_penalty" +
            ",score,max_score,tiny:square_tests,tiny:partial_tests,tiny:why_answer",
            csv[0]);
        Assert.Contains("assignment,2026-11-21 00:00:00,2026-11-20 10:00:00,perfect,,,,4,0,4,5,2,2,", csv);
        var gradescope = JsonNode.Parse(
            File.ReadAllText(Path.Combine(graded.Output, "gradescope", "perfect", "results.json")))!;
        Assert.Equal(4, gradescope["score"]!.GetValue<double>());
        Assert.Equal(3, gradescope["tests"]!.AsArray().Count);
        Assert.True(File.Exists(Path.Combine(graded.Output, "students", "recursion", "tiny.ipynb")));
    }

    [Fact]
    public void OutputFlood_IsCutInTheExecutedNotebook()
    {
        var executed = File.ReadAllText(Path.Combine(graded.Output, "students", "floods_output", "tiny.ipynb"));
        Assert.Contains("[output truncated: this cell printed more than 1024 KiB; the rest was dropped]", executed);
        Assert.InRange(executed.Length, 500_000, 2_000_000);
    }

    // ---- Grading integrity part B (issue 11): untrusted files, feedback, lateness, spreadsheets ----

    [Theory]
    // student,         square_tests, partial_tests, late penalty, score
    [InlineData("backdated", 2, 2, 4, 0)]       // timestamp.txt says 2026-11-01; the collection file says 27 started
                                                // hours late
    [InlineData("deep_markdown", 2, 2, 0, 4)]   // an answer nested 200 '>' deep
    [InlineData("rich_output", 2, 2, 0, 4)]     // display(HTML("<script>")), a #!markdown cell, javascript: links
    [InlineData("=1+1", 2, 2, 0, 4)]            // a student id and an answer that are spreadsheet formulas
    [InlineData("setup_overtaker", 2, 2, 0, 4)] // a cell added above the set-up cell
    public void HostileButCorrectStudents_KeepTheirScore_AndHarmNoOne(
        string student,
        double square,
        double partial,
        double late,
        double score)
    {
        Assert.Equal((square, partial), (Cell(student, "square_tests").Score, Cell(student, "partial_tests").Score));
        Assert.Equal((late, score), (Grade(student).LatePenalty, Grade(student).Score));
    }

    [Fact]
    public void SubmissionTimes_ComeFromTheCollectionFile_AndAnUnreadableOneIsFlagged()
    {
        Assert.Equal(
            DateTimeOffset.Parse("2026-11-22T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            Grade("backdated").Timestamp);
        Assert.Contains("submission time 'the day before the deadline' in class-times.csv line 22 is not a date; " +
                        "lateness was not computed — fix the line and re-run",
            Texts(Grade("wrong_nbformat").Notes));
        Assert.Contains("WARNING: wrong_nbformat/tiny: submission time 'the day before the deadline'", graded.Printed);
    }

    [Fact]
    public void Feedback_NeverRunsAStudentsMarkup()
    {
        var rich = File.ReadAllText(Path.Combine(graded.Output, "feedback", "rich_output", "tiny.html"));
        Assert.DoesNotContain("<script", rich);
        Assert.DoesNotMatch("(?i)href=\"\\s*javascript:", rich);
        Assert.Contains("href=\"#unsafe-link-removed\"", rich);
        Assert.Contains("<iframe class=\"display\" sandbox=\"\" referrerpolicy=\"no-referrer\" srcdoc=\"&lt;b " +
                        "id=&quot;rich&quot;&gt;bold", rich);
        var deep = File.ReadAllText(Path.Combine(graded.Output, "feedback", "deep_markdown", "tiny.html"));
        Assert.Contains("<div class=\"markdown\"><pre>&gt;&gt;&gt;&gt;", deep);
    }

    [Fact]
    public void SetUpCells_RunBeforeACellAddedAboveThem()
    {
        var executed = File.ReadAllText(Path.Combine(graded.Output, "students", "setup_overtaker", "tiny.ipynb"));
        Assert.Contains("✓ set-up ran first", executed);
    }

    [Fact]
    public void Spreadsheets_GetNoLiveFormulas()
    {
        var csv = File.ReadAllLines(Path.Combine(graded.Output, "grades.csv"));
        Assert.Contains("assignment,2026-11-21 00:00:00,2026-11-20 12:00:00,'=1+1,,,,4,0,4,5,2,2,", csv);
        var manual = Path.Combine(Fixture.TempFolder(), "manual.csv");
        Grading.Manual.ManualSheet.Export(
            graded.Gradebook,
            [Grading.Autograde.AssignmentSource.Load(Path.Combine(graded.Source, "tiny.ipynb"))],
            graded.Output,
            manual,
            manual + ".md");
        var row = File.ReadAllLines(manual).Single(line => line.StartsWith("'=1+1,", StringComparison.Ordinal));
        Assert.Contains(",\"'=HYPERLINK(", row);
        // Read back, the escaped id is the student's own again: the instructor's score lands on the right student.
        File.WriteAllLines(
            manual,
            File.ReadAllLines(manual)
                .Select(line =>
                    line == row
                        ? line.Replace(
                            "'=1+1,tiny,why_answer,1,,",
                            "'=1+1,tiny,why_answer,1,1,",
                            StringComparison.Ordinal)
                        : line));
        Assert.Equal("=1+1", Assert.Single(Grading.Manual.ManualSheet.Import(manual).Grades).Student);
    }

    [Fact]
    public async Task SpecialFiles_FailOnlyTheirStudent_WithAReason_AndKeepTheirPoints()
    {
        var root = Fixture.TempFolder();
        var submissions = Directory.CreateDirectory(Path.Combine(root, "class")).FullName;
        string Student(string name) => Directory.CreateDirectory(Path.Combine(submissions, name)).FullName;
        File.WriteAllText(Path.Combine(Student("classmate"), "tiny.ipynb"), "not json");
        File.CreateSymbolicLink(
            Path.Combine(Student("link_to_classmate"), "tiny.ipynb"),
            Path.Combine(submissions, "classmate", "tiny.ipynb"));
        File.CreateSymbolicLink(
            Path.Combine(Student("link_to_source"), "tiny.ipynb"),
            Path.Combine(graded.Source, "tiny.ipynb"));
        Directory.CreateSymbolicLink(Path.Combine(Student("link_folder"), "notebooks"), graded.Source);
        File.CreateSymbolicLink(Path.Combine(Student("dev_zero"), "tiny.ipynb"), "/dev/zero");
        Assert.Equal(0, MakeFifo(Path.Combine(Student("fifo"), "tiny.ipynb"), 0x180));
        using (var huge = File.Create(Path.Combine(Student("huge"), "tiny.ipynb")))
        {
            huge.SetLength(2500L << 20); // sparse: 2.5 GB on paper, nothing on disk
        }

        using (var big = File.Create(Path.Combine(Student("big500"), "tiny.ipynb")))
        {
            big.SetLength(500L << 20);
        }

        var output = Path.Combine(root, "graded");
        var options = new GradingOptions(
            Submissions: submissions,
            Source: graded.Source,
            Output: output,
            Jobs: 2,
            Limits: WorkerLimits.Default,
            Sandbox: SandboxMode.Auto,
            Shard: (1, 1),
            Due: null,
            Late: LatePolicy.None,
            Force: true,
            Formats: ["gradescope"],
            LibraryDll: null);
        var exit = await Grading.Cli.AutogradeCommand.RunAsync(
            options,
            Grading.Cli.Terminal.Plain(new StringWriter(), new StringWriter(), width: 200),
            CancellationToken.None);
        var gradebook = GradebookJson.Read<ClassGradebook>(Path.Combine(output, "gradebook.json"))!;

        Assert.Equal(0, exit);
        var expected = new Dictionary<string, string>
        {
            ["link_to_classmate"] = "link_to_classmate/tiny.ipynb is a symbolic link",
            ["link_to_source"] = "link_to_source/tiny.ipynb is a symbolic link",
            ["link_folder"] = "link_folder/notebooks is a symbolic link",
            ["dev_zero"] = "dev_zero/tiny.ipynb is a symbolic link",
            ["fifo"] = "fifo/tiny.ipynb is not a regular file",
            ["huge"] = "huge/tiny.ipynb is 2500 MB; the grader reads notebooks up to 32 MB",
            ["big500"] = "big500/tiny.ipynb is 500 MB; the grader reads notebooks up to 32 MB",
        };
        foreach (var (student, reason) in expected)
        {
            var grade = gradebook.Notebooks.Single(n => n.Student == student);
            Assert.Equal((0.0, 5.0), (grade.Score, grade.MaxScore));
            Assert.Equal(
                "Your notebook file could not be read (see the note).",
                grade.Cells.Single(c => c.GradeId == "square_tests").Reason);
            Assert.StartsWith("The submission was refused: " + reason, grade.Error);
            Assert.True(File.Exists(Path.Combine(output, "feedback", student, "tiny.html")), student);
            Assert.DoesNotContain(
                "BEGIN SOLUTION",
                File.ReadAllText(Path.Combine(output, "feedback", student, "tiny.html")));
        }
    }

    [Fact]
    public void AGraderFailure_KeepsTheNotebooksMaximum_NeverZeroOfZero()
    {
        var source = Grading.Autograde.AssignmentSource.Load(Path.Combine(graded.Source, "tiny.ipynb"));
        var failed = Grading.Autograde.FailedGrade.For(
            source,
            new Grading.Autograde.Submission("s", "tiny", "/x", null, "h"),
            "The grader failed",
            "reason");
        Assert.Equal((0.0, 5.0, 3), (failed.Score, failed.MaxScore, failed.Cells.Count));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(
        [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path,
        int mode);

    [BubblewrapFact]
    public async Task InTheSandbox_OtherFoldersAndTheNetworkAreOutOfReach_EvenForCodeThePolicyWouldRefuse()
    {
        // Defence in depth: the policy refuses these cells before they run, so the sandbox is tested on its own here.
        using var scratch = Running.Isolation.WorkerScratch.Create(libraryDll: null);
        var cells = new List<(int, string)>
        {
            (0, """foreach (var dir in new[] { "/work", "/root", "/home" }) Console.WriteLine($"{dir}: """ +
                """{(System.IO.Directory.Exists(dir) ? "visible" : "not visible")}");"""),
            (1, """try { using var client = new System.Net.Sockets.TcpClient(); client.Connect("1.1.1.1", 80); """ +
                """Console.WriteLine("network: connected"); } catch (Exception e) { """ +
                """Console.WriteLine("network: " + e.GetType().Name); }"""),
        };
        var run = await new Running.Isolation.WorkerClient(
            new Running.Isolation.WorkerLimits(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), 512, 1 << 20),
            sandboxed: true)
            .RunAsync(scratch, cells, CancellationToken.None);
        Assert.Equal("bubblewrap", run.Sandbox);
        var printed = string.Concat(run.Cells.SelectMany(c => c.Outputs).Select(o => o!.ToJsonString()));
        Assert.Contains("/work: not visible", printed);
        Assert.Contains("/root: not visible", printed);
        Assert.Contains("/home: not visible", printed);
        Assert.Contains("network: SocketException", printed);
    }

    // ---- Issue 11, part A: the code policy and locked-cell meaning ----
    // (one block, to keep merges with the sandbox rows apart)

    [Theory]
    // student,            square_tests, partial_tests, reason of the square_tests cell (start)
    [InlineData("reads_proc_mem", 0, 0, "Cell 2 was not run: line 3 uses System.IO.File.ReadAllLines (the file " +
                                        "system), which this assignment does not allow")]
    [InlineData("reads_test_il", 0, 0, "Cell 2 was not run: line 4 uses System.Reflection.MethodBase (reflection), " +
                                       "which this assignment does not allow")]
    [InlineData("any_struct", 0, 0, "Not run: `Square(3)` (line 2) must have the assignment's signature `int " +
                                    "Square(int)`, but yours is `Any Square(int)` (cell 2). Give it exactly the " +
                                    "parameter and return types of the stub you were given.")]
    [InlineData("overwrites_library", 0, 0, "Square(3): expected 9, found 4. Hint: multiply x by itself")]
    [InlineData("patches_runtime", 0, 0, "Square(3): expected 9, found 4. Hint: multiply x by itself")]
    [InlineData("times_out_to_unshadow", 0, 0, "Not counted: a cell of yours timed out and its declarations were " +
                                               "lost, so `Square(3)` (line 2) must have the assignment's signature " +
                                               "`int Square(int)`, but yours is `Any Square(int)`")]
    public void HostileStudents_AreRefusedBeforeTheyRun_WithTheApiAndLine(
        string student,
        double square,
        double partial,
        string reason)
    {
        Assert.Equal(square, Cell(student, "square_tests").Score);
        Assert.Equal(partial, Cell(student, "partial_tests").Score);
        Assert.StartsWith(reason, Cell(student, "square_tests").Reason);
    }

    [Theory]
    [InlineData("overwrites_library", "line 3 uses System.IO.File.WriteAllBytes (the file system), which this " +
                                      "assignment does not allow")]
    [InlineData("patches_runtime", "line 2 uses System.Runtime.InteropServices.NativeLibrary.Load (interop, raw " +
                                   "memory and runtime internals), which this assignment does not allow")]
    public void AnAddedCellThePolicyRefuses_NeverRuns_AndSaysWhy(string student, string violation)
    {
        var executed = Notebooks.Notebook.Load(Path.Combine(graded.Output, "students", student, "tiny.ipynb"));
        var added = executed.Cells.Single(c => c.IsCode && c.GradeId is null);
        var error = Assert.Single(added.Outputs!);
        Assert.Contains(violation, error!["evalue"]!.GetValue<string>());
        // the real library and Check.Fail judged it
        Assert.Contains("expected 9, found 4", Cell(student, "square_tests").Reason);
    }
}
