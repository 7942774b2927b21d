using System.CommandLine;
using Grading.Autograde;
using Grading.Gradebook;
using Grading.Manual;
using Grading.Running.Isolation;

namespace Grading.Cli;

/// <summary><c>manual export|import</c>: answers out to the instructor with the mark scheme; scores and comments back
/// in.</summary>
internal static class ManualCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command(
            "manual",
            "Grade reflection answers by hand: export them with the mark scheme, import the scores.");
        command.Subcommands.Add(Export(terminal));
        command.Subcommands.Add(Import(terminal));
        return command;
    }

    private static Command Export(Terminal terminal)
    {
        var (output, source) = (OutputOption(), SourceOption());
        var export = new Command(
            "export",
            "Write manual/manual-grades.csv (fill in score, comment) and manual/manual-grades.md.");
        export.Options.Add(output);
        export.Options.Add(source);
        export.SetAction(result =>
        {
            var loaded = Load(result.GetValue(output)!, result.GetValue(source)!);

            var folder = Path.Combine(loaded.Options.Output, "manual");
            var rows = ManualSheet.Export(loaded.Gradebook, loaded.Sources, loaded.Options.Output,
                Path.Combine(folder, "manual-grades.csv"), Path.Combine(folder, "manual-grades.md"));
            terminal.Out.WriteLine(
                $"{rows} answer(s) to grade: fill in " +
                $"{RepositoryPaths.Display(Path.Combine(folder, "manual-grades.csv"))}, then run `manual import`.");
            return (int)ExitCode.Success;
        });
        return export;
    }

    private static Command Import(Terminal terminal)
    {
        var (output, source) = (OutputOption(), SourceOption());
        var file = new Argument<string?>("csv")
        {
            Description = "The filled-in sheet (default: <out>/manual/manual-grades.csv).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var import = new Command(
            "import",
            "Read manual scores and comments; they win over automatic scores and survive re-runs of autograde.");
        import.Arguments.Add(file);
        import.Options.Add(output);
        import.Options.Add(source);
        import.SetAction(result =>
        {
            var loaded = Load(result.GetValue(output)!, result.GetValue(source)!);

            var csv = result.GetValue(file) ?? Path.Combine(loaded.Options.Output, "manual", "manual-grades.csv");
            if (!File.Exists(csv))
            {
                throw new InputException($"{csv}: no such file. Run `manual export` first.");
            }

            var (grades, problems) = ManualSheet.Import(csv);
            problems.ForEach(terminal.Error.WriteLine);
            GradebookJson.Write(
                Path.Combine(loaded.Options.Output, ManualGrades.FileName),
                ManualGrades.Merge(ManualGrades.Load(loaded.Options.Output), grades));
            var grader = new ClassGrader(loaded.Options, sandboxed: false);
            var gradebook = grader.Rebuild(loaded.Sources);
            grader.WriteOutputs(gradebook, loaded.Sources);
            terminal.Out.WriteLine(
                $"Imported {grades.Count} manual grade(s); gradebook, grades.csv and feedback updated.");
            return (int)(problems.Count > 0 ? ExitCode.ProblemsFound : ExitCode.Success);
        });
        return import;
    }

    /// <summary>The gradebook and sources of an output folder, with the due date and late policy it was graded
    /// with.</summary>
    /// <exception cref="InputException">The folder has no readable gradebook, or <paramref name="source"/> no
    /// notebooks.</exception>
    internal static (GradingOptions Options, ClassGradebook Gradebook, List<AssignmentSource> Sources) Load(
        string output,
        string source)
    {
        var gradebookPath = Path.Combine(output, "gradebook.json");
        var gradebook = GradebookJson.Read<ClassGradebook>(gradebookPath)
            ?? throw new InputException(
                $"{gradebookPath}: no readable gradebook. Run `autograde` (or `merge`) into {output} first.");
        var sources = NotebookPaths.Expand([source], out _).Select(AssignmentSource.Load).ToList();
        if (sources.Count == 0)
        {
            throw new InputException($"{source}: no instructor notebooks; give them with --source.");
        }

        // Nothing runs here: the options only say where results are and which exports to rewrite.
        var options = new GradingOptions(
            Submissions: "",
            Source: source,
            Output: output,
            Jobs: 1,
            Limits: WorkerLimits.Default,
            Sandbox: SandboxMode.None,
            Shard: (1, 1),
            Due: gradebook.DueDate,
            Late: LatePolicy.Parse(gradebook.LatePolicy),
            Force: false,
            Formats: Directory.Exists(Path.Combine(output, "gradescope")) ? ["gradescope"] : [],
            LibraryDll: null);
        return (options, gradebook, sources);
    }

    internal static Option<string> OutputOption() => new("--out", "-o")
    {
        Description = "The autograde output folder.",
        DefaultValueFactory = _ => Path.Combine(RepositoryPaths.Root, "grading", "graded"),
    };

    internal static Option<string> SourceOption() => new("--source")
    {
        Description = "Instructor notebooks.",
        DefaultValueFactory = _ => DefaultSource(),
    };

    /// <summary>The sample assignment when the default output holds the sample class, else the course's
    /// notebooks.</summary>
    private static string DefaultSource() =>
        SampleClass.IsGradedIn(Path.Combine(RepositoryPaths.Root, "grading", "graded"))
            ? SampleClass.Source
            : RepositoryPaths.Notebooks;
}
