using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Grading.Running.Worker;

namespace Grading.Running.Isolation;

/// <summary>Starts a worker process: the grader itself in worker mode, sandboxed or not, under resource caps.</summary>
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
    /// Starts one worker on a thread of its own that lives exactly as long as the worker. bubblewrap's
    /// --die-with-parent fires when the <em>thread</em> that started it exits; a thread-pool thread retires after
    /// about 20 s idle, which killed honest workers in the middle of a long cell. This thread never retires early.
    /// </summary>
    public static Process Start(WorkerScratch scratch, bool sandboxed, WorkerLimits limits)
    {
        var start = Create(scratch, sandboxed, limits);
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        var parent = new Thread(() =>
        {
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Exception e)
            {
                started.SetException(e);
                return;
            }

            started.SetResult(process);
            try
            {
                process.WaitForExit();
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or SystemException)
            {
                // The client disposed the process object after killing it: the worker is gone either way.
            }
        })
        { IsBackground = true, Name = "worker parent" };
        parent.Start();
        return started.Task.GetAwaiter().GetResult();
    }

    /// <summary>The start info for one worker (public for the tests that inspect the command line).</summary>
    public static ProcessStartInfo Create(WorkerScratch scratch, bool sandboxed, WorkerLimits limits)
    {
        // Descriptors the grader was born with must not reach the worker (a student appended to a host file through
        // one).
        InheritedDescriptors.MarkCloseOnExec();
        var environment = new Dictionary<string, string>
        {
            // A hard cap on the managed heap: the student's huge allocation throws inside the worker.
            ["DOTNET_GCHeapHardLimit"] =
                "0x" + ((long)limits.MemoryMegabytes << 20).ToString("X", CultureInfo.InvariantCulture),
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            // No diagnostics IPC socket: nothing else may attach to the worker, and it needs no writable /tmp for one.
            ["DOTNET_EnableDiagnostics"] = "0",
            ["PATH"] = "/usr/bin:/bin",
            ["LANG"] = "C.UTF-8",
        };

        // A host user of its own only for a sandboxed worker (it needs bubblewrap's user namespace); the process cap
        // binds only then.
        var hostUser = sandboxed && SandboxUser.CanSwitch ? SandboxUser.NextHostId() : (int?)null;
        environment[ResourceCaps.EnvironmentVariable] = limits.Caps(ownUser: hostUser is not null).ToEnvironmentValue();
        ProcessStartInfo start;
        if (sandboxed)
        {
            environment["HOME"] = BubblewrapCommand.HomeMount;
            environment["TMPDIR"] = "/tmp";
            environment["DOTNET_ROOT"] = BubblewrapCommand.DotnetMount;
            var bwrap = BubblewrapCommand.Arguments(
                scratch.Root,
                SandboxRuntime.GraderCopy,
                SandboxRuntime.Etc,
                DotnetRoot,
                limits,
                [BubblewrapCommand.GraderMount + "/grader.dll", WorkerVerb],
                environment);
            var chain = BubblewrapCommand.Chain(SandboxRuntime.SeccompProgram, hostUser, bwrap);
            start = new ProcessStartInfo(chain[0]);
            foreach (var argument in chain.Skip(1))
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            environment["HOME"] = scratch.Home;
            start = new ProcessStartInfo(Path.Combine(DotnetRoot, "dotnet")) { WorkingDirectory = scratch.Notebooks };
            start.ArgumentList.Add(Path.Combine(GraderDirectory, "grader.dll"));
            start.ArgumentList.Add(WorkerVerb);
            start.Environment.Clear();
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
