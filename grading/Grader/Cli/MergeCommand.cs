using System.CommandLine;
using Grading.Autograde;
using Grading.Gradebook;

namespace Grading.Cli;

/// <summary><c>merge &lt;shard outputs…&gt; --out DIR</c>: combine the results of <c>autograde --shard i/n</c> runs
/// into one gradebook.</summary>
internal static class MergeCommand
{
    public static Command Create(Terminal terminal)
    {
        var shards = new Argument<string[]>("shards")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Output folders of the shard runs.",
        };
        var output = ManualCommand.OutputOption();
        var source = ManualCommand.SourceOption();
        var command = new Command(
            "merge",
            "Combine shard outputs (autograde --shard i/n) into one gradebook, grades.csv and feedback.");
        command.Arguments.Add(shards);
        command.Options.Add(output);
        command.Options.Add(source);
        command.SetAction(result =>
        {
            var target = result.GetValue(output)!;
            var folders = result.GetValue(shards)!;
            // Every shard is read before anything is written, so a bad one leaves the target as it was.
            var gradebooks = folders
                .Select(f => GradebookJson.Read<ClassGradebook>(Path.Combine(f, "gradebook.json"))
                    ?? throw new InputException(
                        $"{f}: not an autograde output (no readable gradebook.json). " +
                        "Give the --out folders of the shard runs."))
                .ToList();

            foreach (var folder in folders.Where(f => Path.GetFullPath(f) != Path.GetFullPath(target)))
            {
                CopyTree(Path.Combine(folder, "students"), Path.Combine(target, "students"));
                if (File.Exists(Path.Combine(folder, ManualGrades.FileName)))
                {
                    var merged = ManualGrades.Merge(ManualGrades.Load(target), ManualGrades.Load(folder));
                    Directory.CreateDirectory(target);
                    GradebookJson.Write(Path.Combine(target, ManualGrades.FileName), merged);
                }
            }

            // The first shard's gradebook carries the due date and late policy every shard was run with.
            GradebookJson.Write(Path.Combine(target, "gradebook.json"), gradebooks[0] with { Notebooks = [] });
            var loaded = ManualCommand.Load(target, result.GetValue(source)!);

            var grader = new ClassGrader(loaded.Options, sandboxed: false);
            var gradebook = grader.Rebuild(loaded.Sources);
            grader.WriteOutputs(gradebook, loaded.Sources);
            ClassTable.Write(gradebook, terminal);
            terminal.Out.WriteLine(
                $"Merged {folders.Length} shard(s) into {RepositoryPaths.Display(target)}: " +
                $"{gradebook.Students.Count()} students.");
            return (int)ExitCode.Success;
        });
        return command;
    }

    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
