using System.Text.Json.Nodes;
using Grading.Gradebook;

namespace Grading.Tests;

/// <summary>The sample class: perfect, partial, broken and hostile students, each with its expected score and reason.</summary>
public class AutogradeTests(SampleClassFixture graded) : IClassFixture<SampleClassFixture>
{
    private NotebookGrade Grade(string student) => graded.Gradebook.Notebooks.Single(n => n.Student == student);

    private CellGrade Cell(string student, string id) => Grade(student).Cells.Single(c => c.GradeId == id);

    [Theory]
    // student,           square_tests, partial_tests, reason of the square_tests cell (start)
    [InlineData("perfect", 2, 2, null)]
    [InlineData("partial", 0, 1, "Square(-4): expected 16, found -16. Hint: a negative number squared is positive")]
    [InlineData("empty", 0, 0, "Not implemented yet: replace `throw new NotImplementedException();` with your code.")]
    [InlineData("compile_error", 0, 0, "Does not compile: (2,44): error CS0103: The name 'Square' does not exist in the current context")]
    [InlineData("infinite_loop", 0, 0, "Does not compile: (2,44): error CS0103: The name 'Square' does not exist")]
    // exits, snoops, opens_socket: the code policy refuses the answer cell before it runs (issue 11), so Square is never defined.
    [InlineData("exits", 0, 0, "Cell 2 was not run: line 5 uses System.Environment.Exit (the process and its environment), which this assignment does not allow. So this cell does not compile: (2,44): error CS0103: The name 'Square' does not exist")]
    [InlineData("recursion", 0, 0, "The process crashed with a stack overflow while running cell 3")]
    [InlineData("huge_allocation", 2, 2, null)]
    [InlineData("fake_pass", 0, 0, "Square(3): expected 9, found 0. Hint: multiply x by itself")]
    [InlineData("tampered_test", 0, 0, "Square(3): expected 9, found 0.")]
    [InlineData("deleted_test", 2, 2, null)]
    [InlineData("duplicated_cell", 2, 2, null)]
    [InlineData("shadows_helpers", 0, 0, "Square(3): expected 9, found 0.")]
    [InlineData("snoops", 0, 0, "Cell 2 was not run: line 6 uses System.IO.Directory.Exists (the file system), which this assignment does not allow (and 1 more). So this cell does not compile")]
    [InlineData("opens_socket", 0, 0, "Cell 2 was not run: line 5 uses System.Net.Sockets.TcpClient")]
    [InlineData("floods_output", 2, 2, null)]
    [InlineData("malformed_json", 0, 0, "Your notebook file could not be read (see the note).")]
    [InlineData("wrong_nbformat", 0, 0, "Your notebook file could not be read (see the note).")]
    [InlineData("not_submitted", 0, 0, "Not submitted.")]
    public void EveryStudent_GetsTheExpectedScoreAndReason(string student, double square, double partial, string? reason)
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
        Assert.Equal("partial", Cell("partial", "partial_tests").Status);
        Assert.Equal("Partial credit: the tests awarded 1 of 2 points.", Cell("partial", "partial_tests").Reason);
    }

    [Fact]
    public void ManualAnswers_UnchangedAreNoResponse_WrittenOnesWaitForAPerson()
    {
        Assert.Equal(("no-response", 0.0, "No response."), (Cell("empty", "why_answer").Status, Cell("empty", "why_answer").Score, Cell("empty", "why_answer").Reason!));
        Assert.True(Cell("perfect", "why_answer").NeedsManualGrade);
        Assert.Contains("1 answer(s) wait for a person", graded.Printed);
    }

    [Fact]
    public void Tampering_IsRestoredAndRecorded()
    {
        Assert.Contains("the locked cell 'square_tests' was modified; the original was restored before grading", Cell("tampered_test", "square_tests").TamperNotes);
        Assert.Contains("the locked cell 'square_tests' was deleted; it was put back", Grade("deleted_test").Notes);
        Assert.Contains("cell 'square' appeared more than once: the last copy was graded, the earlier one dropped", Grade("duplicated_cell").Notes);
        Assert.Contains(Grade("shadows_helpers").Notes, n => n.Contains("declares a type named 'TensorLab'", StringComparison.Ordinal));
    }

    [Fact]
    public void PrintedText_NeverScores_AndHiddenTestsRunButNeverReachFeedback()
    {
        var feedback = File.ReadAllText(Path.Combine(graded.Output, "feedback", "partial", "tiny.html"));
        Assert.Contains("Square(-4): expected 16, found -16.", feedback);
        Assert.DoesNotContain("BEGIN HIDDEN TESTS", feedback);
        Assert.DoesNotContain("TensorLab.Check.Equal(\"Square(-4)\"", feedback);
        Assert.Contains("<th>0 / 5</th>", feedback);
        Assert.Contains("(raw 1, late penalty −1)", feedback);
        Assert.Equal(0, Grade("fake_pass").RawScore);
    }

    [Fact]
    public void LatePenalty_IsPerStartedHourAfterTheDueDate_ClippedToTheScore()
    {
        // perfect submitted 2026-11-20 (on time); partial 2026-11-21T09:30Z: 10 started hours late × 0.5 = 5, clipped to its raw 1.
        Assert.Equal(0, Grade("perfect").LatePenalty);
        Assert.Equal(1, Grade("partial").LatePenalty);
        Assert.Equal(0, Grade("partial").Score);
    }

    [Fact]
    public void Outputs_AreAllWritten_AndTheBatchFinishes()
    {
        Assert.Equal(0, graded.ExitCode);
        Assert.Equal(25, graded.Gradebook.Students.Count());
        var csv = File.ReadAllLines(Path.Combine(graded.Output, "grades.csv"));
        Assert.Equal("assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,late_submission_penalty,score,max_score,tiny:square_tests,tiny:partial_tests,tiny:why_answer", csv[0]);
        Assert.Contains("assignment,2026-11-21 00:00:00,2026-11-20 10:00:00,perfect,,,,4,0,4,5,2,2,", csv);
        var gradescope = JsonNode.Parse(File.ReadAllText(Path.Combine(graded.Output, "gradescope", "perfect", "results.json")))!;
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

    [BubblewrapFact]
    public async Task InTheSandbox_OtherFoldersAndTheNetworkAreOutOfReach_EvenForCodeThePolicyWouldRefuse()
    {
        // Defence in depth: the policy refuses these cells before they run, so the sandbox is tested on its own here.
        var scratch = Fixture.TempFolder();
        Directory.CreateDirectory(Path.Combine(scratch, "notebooks"));
        Directory.CreateDirectory(Path.Combine(scratch, "home"));
        var cells = new List<(int, string)>
        {
            (0, """foreach (var dir in new[] { "/work", "/root", "/home" }) Console.WriteLine($"{dir}: {(System.IO.Directory.Exists(dir) ? "visible" : "not visible")}");"""),
            (1, """try { using var client = new System.Net.Sockets.TcpClient(); client.Connect("1.1.1.1", 80); Console.WriteLine("network: connected"); } catch (Exception e) { Console.WriteLine("network: " + e.GetType().Name); }"""),
        };
        var run = await new Isolation.WorkerClient(new Isolation.WorkerLimits(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), 512, 1 << 20), sandboxed: true)
            .RunAsync(scratch, cells, CancellationToken.None);
        Assert.Equal("bubblewrap", run.Sandbox);
        var printed = string.Concat(run.Cells.SelectMany(c => c.Outputs).Select(o => o!.ToJsonString()));
        Assert.Contains("/work: not visible", printed);
        Assert.Contains("/root: not visible", printed);
        Assert.Contains("/home: not visible", printed);
        Assert.Contains("network: SocketException", printed);
    }

    // ---- Issue 11, part A: the code policy and locked-cell meaning (one block, to keep merges with the sandbox rows apart) ----

    [Theory]
    // student,            square_tests, partial_tests, reason of the square_tests cell (start)
    [InlineData("reads_proc_mem", 0, 0, "Cell 2 was not run: line 3 uses System.IO.File.ReadAllLines (the file system), which this assignment does not allow")]
    [InlineData("reads_test_il", 0, 0, "Cell 2 was not run: line 4 uses System.Reflection.MethodBase (reflection), which this assignment does not allow")]
    [InlineData("any_struct", 0, 0, "Not run: `Square(3)` (line 2) must have the assignment's signature `int Square(int)`, but yours is `Any Square(int)` (cell 2). Give it exactly the parameter and return types of the stub you were given.")]
    [InlineData("overwrites_library", 0, 0, "Square(3): expected 9, found 4. Hint: multiply x by itself")]
    [InlineData("patches_runtime", 0, 0, "Square(3): expected 9, found 4. Hint: multiply x by itself")]
    [InlineData("times_out_to_unshadow", 0, 0, "Not counted: a cell of yours timed out and its declarations were lost, so `Square(3)` (line 2) must have the assignment's signature `int Square(int)`, but yours is `Any Square(int)`")]
    public void HostileStudents_AreRefusedBeforeTheyRun_WithTheApiAndLine(string student, double square, double partial, string reason)
    {
        Assert.Equal(square, Cell(student, "square_tests").Score);
        Assert.Equal(partial, Cell(student, "partial_tests").Score);
        Assert.StartsWith(reason, Cell(student, "square_tests").Reason);
    }

    [Theory]
    [InlineData("overwrites_library", "line 3 uses System.IO.File.WriteAllBytes (the file system), which this assignment does not allow")]
    [InlineData("patches_runtime", "line 2 uses System.Runtime.InteropServices.NativeLibrary.Load (interop, raw memory and runtime internals), which this assignment does not allow")]
    public void AnAddedCellThePolicyRefuses_NeverRuns_AndSaysWhy(string student, string violation)
    {
        var executed = Notebooks.Notebook.Load(Path.Combine(graded.Output, "students", student, "tiny.ipynb"));
        var added = executed.Cells.Single(c => c.IsCode && c.GradeId is null);
        var error = Assert.Single(added.Outputs!);
        Assert.Contains(violation, error!["evalue"]!.GetValue<string>());
        Assert.Contains("expected 9, found 4", Cell(student, "square_tests").Reason); // the real library and Check.Fail judged it
    }
}
