using System.Text.Json;
using Grading.Cli;
using Grading.Notebooks;

namespace Grading.Tests;

/// <summary>
/// One error policy for every verb: a bad input (missing or malformed notebook, an unclosed region in the source
/// autograde is given, a folder that is not an autograde output, a corrupt gradebook) ends with exit code 3 and a
/// message naming the file, never a stack trace; a grader bug is exit code 70 with the trace.
/// </summary>
public class CliErrorPolicyTests
{
    private static string Folder(params string[] parts) =>
        Directory.CreateDirectory(Path.Combine([Fixture.TempFolder(), .. parts])).FullName;

    private static string Malformed()
    {
        var path = Path.Combine(Folder(), "broken.ipynb");
        File.WriteAllText(path, """{"nbformat": 4, "cells": "no"}""");
        return path;
    }

    // The tiny assignment's source with a hidden-tests region that never ends: release must refuse it.
    private static string UnbalancedSource()
    {
        var folder = Folder("source");
        var notebook = Notebook.Load(Fixture.TinyNotebook);
        var tests = notebook.Cells.First(c => c.Kind() == CellKind.Tests);
        tests.Source += "\n// BEGIN HIDDEN TESTS\nCheck.Equal(1, 1, \"never closed\");";
        notebook.Save(Path.Combine(folder, "tiny.ipynb"));
        return folder;
    }

    private static async Task AssertInputError(string expectedInMessage, params string[] args)
    {
        var (code, output, error) = await Fixture.RunCliAsync(args);
        Assert.True(code == (int)ExitCode.InputError, $"exit {code}\n{output}\n{error}");
        Assert.Contains(expectedInMessage, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public Task Run_OfAMissingNotebook_IsAnInputError() =>
        AssertInputError("no such notebook", "run", Path.Combine(Folder(), "absent.ipynb"));

    [Fact]
    public Task Run_OfAMalformedNotebook_NamesTheJsonPath() => AssertInputError("broken.ipynb: $.", "run", Malformed());

    [Fact]
    public Task Validate_OfAMalformedNotebook_NamesTheJsonPath() =>
        AssertInputError("broken.ipynb: $.", "validate", Malformed());

    [Fact]
    public Task Check_OfAMalformedNotebook_NamesTheJsonPath() =>
        AssertInputError("broken.ipynb: $.", "check", Malformed());

    [Fact]
    public Task Release_OfAMalformedSource_NamesTheJsonPath() =>
        AssertInputError(
            "broken.ipynb: $.",
            "release",
            "--source",
            Path.GetDirectoryName(Malformed())!,
            "--out",
            Folder("release"));

    [Fact]
    public Task Autograde_OfASourceWithAnUnclosedRegion_IsAnInputError() =>
        AssertInputError(
            "BEGIN HIDDEN TESTS",
            "autograde",
            Folder("class"),
            "--source",
            UnbalancedSource(),
            "--out",
            Folder("graded"));

    [Fact]
    public Task ManualExport_OfAFolderWithoutAGradebook_IsAnInputError() =>
        AssertInputError(
            "no readable gradebook",
            "manual",
            "export",
            "--out",
            Folder("graded"),
            "--source",
            Fixture.TinyNotebook);

    [Fact]
    public Task ManualImport_OfACorruptGradebook_IsAnInputError()
    {
        var output = Folder("graded");
        File.WriteAllText(Path.Combine(output, "gradebook.json"), "{ not json");
        return AssertInputError(
            "no readable gradebook",
            "manual",
            "import",
            "--out",
            output,
            "--source",
            Fixture.TinyNotebook);
    }

    [Fact]
    public async Task Merge_OfAShardWithACorruptGradebook_IsAnInputError_AndWritesNothing()
    {
        var shard = Folder("shard");
        File.WriteAllText(Path.Combine(shard, "gradebook.json"), "[1, 2");
        var target = Path.Combine(Folder(), "merged");
        await AssertInputError(
            "not an autograde output",
            "merge",
            shard,
            "--out",
            target,
            "--source",
            Fixture.TinyNotebook);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void ThePolicy_MapsInputProblemsTo3_CancellationTo130_AndBugsTo70_WithTheirTrace()
    {
        Assert.Equal(ExitCode.InputError, CliErrorPolicy.ExitCodeFor(new RegionException("unclosed")));
        Assert.Equal(ExitCode.InputError, CliErrorPolicy.ExitCodeFor(new JsonException("bad")));
        Assert.Equal(ExitCode.InputError, CliErrorPolicy.ExitCodeFor(new FileNotFoundException("gone")));
        Assert.Equal(ExitCode.Cancelled, CliErrorPolicy.ExitCodeFor(new OperationCanceledException()));
        var bug = new NullReferenceException("oops");
        Assert.Equal(ExitCode.InternalError, CliErrorPolicy.ExitCodeFor(bug));
        Assert.Contains("NullReferenceException", CliErrorPolicy.MessageFor(bug));
    }
}
