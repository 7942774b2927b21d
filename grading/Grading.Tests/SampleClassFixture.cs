using Grading.Autograde;
using Grading.Cli;
using Grading.Gradebook;
using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>Grades the bundled sample class once (about a minute), for every autograde test to inspect.</summary>
public sealed class SampleClassFixture : IAsyncLifetime
{
    public string Output { get; } = Fixture.TempFolder();

    public string Submissions { get; } = Path.Combine(RepositoryPaths.Root, "grading", "samples", "class");

    public string Source { get; } = Path.Combine(RepositoryPaths.Root, "grading", "samples", "assignment", "notebooks");

    internal ClassGradebook Gradebook { get; private set; } = null!;

    public string Printed { get; private set; } = "";

    public int ExitCode { get; private set; }

    public async Task InitializeAsync()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var options = new GradingOptions(
            Submissions: Submissions,
            Source: Path.Combine(RepositoryPaths.Root, "grading", "samples", "assignment", "notebooks"),
            Output: Output,
            Jobs: 2,
            Limits: new WorkerLimits(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(120), 512, 1 << 20),
            Sandbox: SandboxMode.Auto,
            Shard: (1, 1),
            Due: DateTimeOffset.Parse("2026-11-21T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            Late: LatePolicy.Parse("per-hour:0.5"),
            Force: true,
            Formats: ["gradescope"],
            LibraryDll: Path.Combine(RepositoryPaths.Root, "lib", "bin", "TensorLab.dll"),
            Times: Path.Combine(RepositoryPaths.Root, "grading", "samples", "class-times.csv"));
        ExitCode = await AutogradeCommand.RunAsync(
            options,
            Terminal.Plain(output, error, width: 200),
            CancellationToken.None);
        Printed = output.ToString() + error;
        Gradebook = GradebookJson.Read<ClassGradebook>(Path.Combine(Output, "gradebook.json"))!;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
