using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kernel.Tests;

/// <summary>The kernel process itself: what cannot start fails with one line on stderr and a non-zero exit code.</summary>
public sealed class KernelProcessTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"kernel-process-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(file);

    [Fact]
    public void GivenAMissingConnectionFile_ThenTheKernelExitsWithOneLineNamingIt()
    {
        var (code, error) = RunKernel("--connection-file", file);
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"kernel: cannot read the connection file '{file}'", line);
    }

    [Fact]
    public void GivenNoArguments_ThenTheKernelExitsWithTheUsage()
    {
        var (code, error) = RunKernel();
        Assert.Equal(2, code);
        Assert.Contains("usage: NotebookKernel --connection-file", error);
    }

    [Fact]
    public void GivenAPortInUse_ThenTheKernelExitsWithOneLineNamingThePort()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var taken = ((IPEndPoint)busy.LocalEndpoint).Port;
        File.WriteAllText(file, $$"""{"shell_port": {{taken}}, "iopub_port": {{Free()}}, "stdin_port": {{Free()}}, "control_port": {{Free()}}, "hb_port": {{Free()}}, "ip": "127.0.0.1", "key": "k", "transport": "tcp"}""");
        var (code, error) = RunKernel("--connection-file", file);
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"kernel: cannot bind shell_port to tcp://127.0.0.1:{taken}", line);
    }

    private static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int Code, string Error) RunKernel(params string[] args)
    {
        var kernel = Path.Combine(AppContext.BaseDirectory, "NotebookKernel.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(kernel);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the kernel did not exit within 60 s");
        }

        return (process.ExitCode, error.Result);
    }
}
