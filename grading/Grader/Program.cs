using Grading.Cli;
using Grading.Running.Isolation;
using Grading.Running.Worker;

// Worker mode skips the CLI parser: it is an internal protocol, started by the grader for one student's notebook.
if (args is [WorkerLauncher.WorkerVerb])
{
    return await WorkerHost.RunAsync(Console.In, Console.OpenStandardOutput());
}

return await GraderCli.RunAsync(args, Terminal.FromConsole());
