using System.CommandLine;
using System.Globalization;
using Grading.Autograde;
using Grading.Exports;
using Grading.Gradebook;
using Grading.Notebooks;
using Grading.Pipelines;
using Grading.Running.Isolation;
using NotebookEngine;
using Spectre.Console;

namespace Grading.Cli;

/// <summary><c>autograde [submissions]</c>: grade a class safely, write gradebook, grades.csv, feedback and
/// exports.</summary>
internal static class AutogradeCommand
{
    public static Command Create(Terminal terminal)
    {
        var submissions = new Argument<string>("submissions")
        {
            Description = "Folder of <student>/<notebook>.ipynb (default: the bundled sample class).",
            DefaultValueFactory = _ => SampleClass.Submissions,
        };
        var source = new Option<string>("--source")
        {
            Description = "Instructor notebooks " +
                "(default: the sample assignment when grading the sample class, else notebooks/).",
            DefaultValueFactory = _ => "",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Where results go.",
            DefaultValueFactory = _ => Path.Combine(RepositoryPaths.Root, "grading", "graded"),
        };
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Notebooks graded at once.",
            DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount),
        };
        var timeout = LimitOptions.CellTimeout();
        var notebookTimeout = LimitOptions.NotebookTimeout();
        var memory = LimitOptions.Memory();
        var sandbox = new Option<SandboxMode>("--sandbox")
        {
            Description = "auto: bubblewrap when it works; bwrap: required; none: process isolation only (reported).",
            DefaultValueFactory = _ => SandboxMode.Auto,
        };
        var shard = new Option<string>("--shard")
        {
            Description = "Grade slice i of n (e.g. 2/8) for a CI matrix; combine with `merge`.",
            DefaultValueFactory = _ => "1/1",
        };
        var due = new Option<string?>("--due") { Description = "Due date (ISO 8601; UTC when no zone)." };
        var late = new Option<string>("--late")
        {
            Description = "none | zero | per-hour:P",
            DefaultValueFactory = _ => "none",
        };
        var force = new Option<bool>("--force") { Description = "Regrade unchanged submissions too." };
        var times = new Option<string?>("--times")
        {
            Description = "The collection file of submission times (student,timestamp per line) that lateness is " +
                "computed from; a student's own timestamp.txt is never read.",
        };
        var hiddenDetail = new Option<bool>("--show-hidden-detail")
        {
            Description = "Feedback and exports show hidden checks' messages and test-cell outputs (off: only the " +
                "verdict and the grader's reason).",
        };
        var format = new Option<string[]>("--format")
        {
            Description = "Extra outputs: gradescope, classroom.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [],
        };
        var command = new Command(
            "autograde",
            "Grade every student's notebooks in isolated workers; " +
            "write gradebook.json, grades.csv, feedback/ and exports.");
        command.Arguments.Add(submissions);
        var allOptions = new Option[]
        {
            source, output, jobs, timeout, notebookTimeout, memory, sandbox, shard, due, late, times, hiddenDetail,
            force, format,
        };
        foreach (var option in allOptions)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, token) =>
        {
            var submissionsPath = result.GetValue(submissions)!;
            var sampleClass = SampleClass.IsSubmissions(submissionsPath);
            var sourcePath = result.GetValue(source) is { Length: > 0 } given ? given
                : sampleClass ? SampleClass.Source
                : RepositoryPaths.Notebooks;
            var timesPath = result.GetValue(times) ?? (sampleClass ? SampleClass.Times : null);
            if (!TryParseShard(result.GetValue(shard)!, out var slice)
                || !TryParseDue(result.GetValue(due), out var dueDate))
            {
                terminal.Error.WriteLine("--shard must look like 2/8 (1 ≤ i ≤ n) and --due like 2026-12-01T23:59:00Z.");
                return (int)ExitCode.UsageError;
            }

            LatePolicy policy;
            try
            {
                policy = LatePolicy.Parse(result.GetValue(late)!);
            }
            catch (FormatException e)
            {
                terminal.Error.WriteLine(e.Message);
                return (int)ExitCode.UsageError;
            }

            var limits = WorkerLimits.Default with
            {
                CellTimeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
                NotebookBudget = TimeSpan.FromSeconds(result.GetValue(notebookTimeout)),
                MemoryMegabytes = result.GetValue(memory),
            };
            var options = new GradingOptions(
                Submissions: submissionsPath,
                Source: sourcePath,
                Output: result.GetValue(output)!,
                Jobs: Math.Max(1, result.GetValue(jobs)),
                Limits: limits,
                Sandbox: result.GetValue(sandbox),
                Shard: slice,
                Due: dueDate,
                Late: policy,
                Force: result.GetValue(force),
                Formats: result.GetValue(format)!,
                LibraryDll: Path.Combine(RepositoryPaths.Root, "lib", "bin", "TensorLab.dll"),
                Times: timesPath,
                ShowHiddenDetail: result.GetValue(hiddenDetail));
            return await RunAsync(options, terminal, token);
        });
        return command;
    }

    public static async Task<int> RunAsync(GradingOptions options, Terminal terminal, CancellationToken token)
    {
        if (!Directory.Exists(options.Submissions))
        {
            terminal.Error.WriteLine(
                $"{options.Submissions}: no such folder. Give the folder that holds one sub-folder per student.");
            return (int)ExitCode.InputError;
        }

        var sourcePaths = NotebookPaths.Expand([options.Source], out _);
        if (sourcePaths.Count == 0)
        {
            terminal.Error.WriteLine(
                $"{options.Source}: no instructor notebooks found. Give them with --source (did you forget to run " +
                "`release` from the same folder?).");
            return (int)ExitCode.InputError;
        }

        var sources = sourcePaths.Select(AssignmentSource.Load).ToList();

        // Workers get the repository's lib/bin/TensorLab.dll: build it first (a fresh clone has none), as run and
        // validate do.
        if (options.LibraryDll is { } library
            && Path.GetDirectoryName(Path.GetDirectoryName(library)) is { } libraryRoot)
        {
            try
            {
                LibraryBuild.EnsureLibrary(libraryRoot);
            }
            catch (InvalidOperationException e)
            {
                terminal.Error.WriteLine(e.Message);
                return (int)ExitCode.EnvironmentError;
            }
        }

        var whyNoSandbox = BubblewrapProbe.WhyUnavailable;
        if (options.Sandbox == SandboxMode.Bwrap && whyNoSandbox is not null)
        {
            terminal.Error.WriteLine($"--sandbox bwrap was asked for, but {whyNoSandbox}.");
            return (int)ExitCode.EnvironmentError;
        }

        var sandboxed = options.Sandbox != SandboxMode.None && whyNoSandbox is null;
        terminal.Out.WriteLine(sandboxed
            ? "Isolation: each notebook runs in its own worker inside bubblewrap (no network, read-only system, " +
              "private scratch, an unprivileged user, a seccomp filter and rlimits)."
            : options.Sandbox == SandboxMode.None
                ? "Isolation: --sandbox none: each notebook runs in its own worker process WITHOUT a sandbox " +
                  "(it can read files and use the network)."
                : $"WARNING: no sandbox ({whyNoSandbox}). Each notebook still runs in its own worker process, " +
                  "but it can read files and use the network.");

        if (options.Times is { } timesFile)
        {
            try
            {
                SubmissionTimes.Load(timesFile, options.Due is not null);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                throw new InputException($"--times: {e.Message}");
            }
        }

        Directory.CreateDirectory(options.Output);
        var grader = new ClassGrader(options, sandboxed);
        var gradebook = await RunWithProgressAsync(grader, sources, options, terminal, token);
        grader.WriteOutputs(gradebook, sources);
        if (options.Formats.Contains("classroom"))
        {
            terminal.Out.WriteLine(
                PlatformResults.Classroom(gradebook.Notebooks, options.ShowHiddenDetail).ToJsonString());
        }

        foreach (var grade in gradebook.Notebooks)
        {
            foreach (var note in grade.Notes.Where(n => n.Kind == NoteKind.SubmissionTime))
            {
                terminal.Error.WriteLine($"WARNING: {grade.Student}/{grade.Notebook}: {note}.");
            }
        }

        ClassTable.Write(gradebook, terminal);
        terminal.Out.WriteLine(
            $"Wrote {RepositoryPaths.Display(options.Output)}: gradebook.json, grades.csv, feedback/, students/"
            + (options.Formats.Contains("gradescope") ? ", gradescope/" : "")
            + ".");
        return (int)ExitCode.Success;
    }

    private static async Task<ClassGradebook> RunWithProgressAsync(
        ClassGrader grader,
        IReadOnlyList<AssignmentSource> sources,
        GradingOptions options,
        Terminal terminal,
        CancellationToken token)
    {
        if (!terminal.Console.Profile.Capabilities.Interactive)
        {
            return await grader.GradeAsync(sources, item => terminal.Out.WriteLine(Line(item)), token);
        }

        ClassGradebook? gradebook = null;
        await terminal.Console.Progress().StartAsync(async context =>
        {
            var students = SubmissionFinder.Students(options.Submissions).Count * sources.Count;
            var task = context.AddTask("grading", maxValue: Math.Max(1, students));
            gradebook = await grader.GradeAsync(sources, item =>
            {
                task.Increment(1);
                task.Description = Markup.Escape($"{item.Grade.Student}/{item.Grade.Notebook}");
            }, token);
        });
        return gradebook!;
    }

    private static string Line(GradedItem item) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{item.Grade.Student}/{item.Grade.Notebook}: {item.Grade.RawScore:0.##}/{item.Grade.MaxScore:0.##}")
        + (item.Reused
            ? " (unchanged, reused)"
            : string.Create(CultureInfo.InvariantCulture, $" in {item.Elapsed.TotalSeconds:0.0} s"));

    private static bool TryParseShard(string text, out (int Index, int Count) shard)
    {
        var parts = text.Split('/');
        shard = (1, 1);
        if (parts.Length == 2
            && int.TryParse(parts[0], out var index)
            && int.TryParse(parts[1], out var count)
            && count >= 1
            && index >= 1
            && index <= count)
        {
            shard = (index, count);
            return true;
        }

        return false;
    }

    private static bool TryParseDue(string? text, out DateTimeOffset? due)
    {
        due = null;
        if (text is null)
        {
            return true;
        }

        due = SubmissionFinder.ParseTimestamp(text);
        return due is not null;
    }
}
