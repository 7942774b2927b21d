using System.CommandLine;

namespace Grading.Cli;

/// <summary>The grader's command line: one verb per file in this folder, each a thin shell over a pipeline.</summary>
internal static class GraderCli
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen verb and returns its <see cref="ExitCode"/> as an
    /// int.</summary>
    public static async Task<int> RunAsync(
        string[] args,
        Terminal terminal,
        CancellationToken cancellationToken = default)
    {
        var root = BuildRootCommand(terminal);
        // Exceptions reach CliErrorPolicy, the one place that maps them to a message and an exit code.
        var configuration = new InvocationConfiguration
        {
            Output = terminal.Out,
            Error = terminal.Error,
            EnableDefaultExceptionHandler = false,
        };
        return await CliErrorPolicy.RunAsync(
            () => root.Parse(args).InvokeAsync(configuration, cancellationToken),
            terminal);
    }

    /// <summary>The root command with every verb attached.</summary>
    public static RootCommand BuildRootCommand(Terminal terminal)
    {
        var root = new RootCommand(
            "Grader for the C# embeddings course: lint, run, release, validate and autograde .ipynb notebooks.");
        root.Subcommands.Add(CheckCommand.Create(terminal));
        root.Subcommands.Add(RunCommand.Create(terminal));
        root.Subcommands.Add(ReleaseCommand.Create(terminal));
        root.Subcommands.Add(ValidateCommand.Create(terminal));
        root.Subcommands.Add(AutogradeCommand.Create(terminal));
        root.Subcommands.Add(ManualCommand.Create(terminal));
        root.Subcommands.Add(MergeCommand.Create(terminal));
        root.Subcommands.Add(KernelCommand.Create(terminal));
        root.Subcommands.Add(ExportCommand.Create(terminal));
        return root;
    }
}
