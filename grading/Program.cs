using Grading.Cli;

return await GraderCli.RunAsync(args, Terminal.FromConsole());
