using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Grading.Isolation;

/// <summary>Builds the start info of a worker process: the grader itself in worker mode, sandboxed or not.</summary>
internal static class WorkerLauncher
{
    /// <summary>The verb that puts the grader in worker mode; not shown in the CLI help.</summary>
    public const string WorkerVerb = "__worker";

    /// <summary>Where this grader's assemblies are (grader.dll and everything the engine loads).</summary>
    public static string GraderDirectory => AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>The .NET installation this process runs on (…/shared/Microsoft.NETCore.App/x.y.z → its root).</summary>
    public static string DotnetRoot =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>
    /// The start info for one worker. <paramref name="scratchDirectory"/> holds notebooks/ (the working directory)
    /// and lib/bin/TensorLab.dll; it is the only place the worker can write.
    /// </summary>
    public static ProcessStartInfo Create(string scratchDirectory, bool sandboxed, WorkerLimits limits)
    {
        var environment = new Dictionary<string, string>
        {
            // A hard cap on the managed heap: the student's huge allocation throws inside the worker.
            ["DOTNET_GCHeapHardLimit"] = "0x" + ((long)limits.MemoryMegabytes << 20).ToString("X", CultureInfo.InvariantCulture),
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["PATH"] = "/usr/bin:/bin",
            ["LANG"] = "C.UTF-8",
        };

        ProcessStartInfo start;
        if (sandboxed)
        {
            environment["HOME"] = BubblewrapCommand.ScratchMount + "/home";
            environment["TMPDIR"] = "/tmp";
            environment["DOTNET_ROOT"] = BubblewrapCommand.DotnetMount;
            start = new ProcessStartInfo(BubblewrapCommand.Executable!);
            var workerArguments = new[] { BubblewrapCommand.GraderMount + "/grader.dll", WorkerVerb };
            foreach (var argument in BubblewrapCommand.Arguments(scratchDirectory, GraderDirectory, DotnetRoot, workerArguments, environment))
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            environment["HOME"] = Path.Combine(scratchDirectory, "home");
            start = new ProcessStartInfo(Path.Combine(DotnetRoot, "dotnet"))
            {
                WorkingDirectory = Path.Combine(scratchDirectory, "notebooks"),
            };
            start.ArgumentList.Add(Path.Combine(GraderDirectory, "grader.dll"));
            start.ArgumentList.Add(WorkerVerb);
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }
}
