using System.Diagnostics;
using NotebookKernel.Server;
using NotebookKernel.Wire;

namespace Kernel.Tests;

/// <summary>Where a test's kernel runs: in the test process (fast, shared by the server tests)
/// or as its own process.</summary>
internal interface IKernelHost : IDisposable
{
    /// <summary>The kernel's process id, for signals; the test process's own id for an in-process kernel.</summary>
    int ProcessId { get; }
}

/// <summary>The kernel served on a thread of the test process.</summary>
internal sealed class InProcessKernelHost : IKernelHost
{
    private readonly KernelServer server;
    private readonly Thread serving;

    public InProcessKernelHost(string connectionFile)
    {
        server = KernelServer.Start(
            ConnectionInfo.Load(connectionFile),
            new KernelOptions(connectionFile, false, Timeout.InfiniteTimeSpan));
        serving = new Thread(() => server.Run()) { IsBackground = true };
        serving.Start();
    }

    public int ProcessId => Environment.ProcessId;

    public void Dispose()
    {
        serving.Join(TimeSpan.FromSeconds(5));
        server.Dispose();
    }
}

/// <summary>The built kernel started as Jupyter starts it,
/// <c>dotnet NotebookKernel.dll --connection-file …</c>.</summary>
internal sealed class ChildProcessKernelHost : IKernelHost
{
    private readonly Process process;

    public ChildProcessKernelHost(string connectionFile)
    {
        // Not redirected: the kernel writes only problems to stderr, and they belong in the test run's output.
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NotebookKernel.dll"));
        start.ArgumentList.Add("--connection-file");
        start.ArgumentList.Add(connectionFile);
        // The kernel ends itself if the test run dies, as it does when a Jupyter client dies.
        start.Environment["JPY_PARENT_PID"] = Environment.ProcessId.ToString(
            System.Globalization.CultureInfo.InvariantCulture);
        process = Process.Start(start)!;
    }

    public int ProcessId => process.Id;

    public void Dispose()
    {
        // Called after shutdown_request: a kernel that does not end by then is killed so no process outlives the test.
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
