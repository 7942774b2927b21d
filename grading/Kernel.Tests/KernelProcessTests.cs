using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using TestSupport;

namespace Kernel.Tests;

/// <summary>
/// The kernel process itself: what cannot start fails with one line on stderr and a non-zero exit code; SIGINT (how
/// signal-mode clients interrupt) ends a running cell and leaves the kernel usable.
/// </summary>
public sealed class KernelProcessTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"kernel-process-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(file);

    [Fact]
    public void AMissingConnectionFile_TheKernelExitsWithOneLineNamingIt()
    {
        var (code, error) = RunKernel("--connection-file", file);
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"kernel: cannot read the connection file '{file}'", line);
    }

    [Fact]
    public void NoArguments_TheKernelExitsWithTheUsage()
    {
        var (code, error) = RunKernel();
        Assert.Equal(2, code);
        Assert.Contains("usage: NotebookKernel --connection-file", error);
    }

    [Fact]
    public void APortInUse_TheKernelExitsWithOneLineNamingThePort()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var taken = ((IPEndPoint)busy.LocalEndpoint).Port;
        File.WriteAllText(file,
            $$"""{"shell_port": {{taken}}, "iopub_port": {{Free()}}, "stdin_port": {{Free()}},""" +
            $$""" "control_port": {{Free()}}, "hb_port": {{Free()}}, "ip": "127.0.0.1", "key": "k",""" +
            """ "transport": "tcp"}""");
        var (code, error) = RunKernel("--connection-file", file);
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"kernel: cannot bind shell_port to tcp://127.0.0.1:{taken}", line);
    }

    [Fact]
    public void ACellThatIgnoresCancellation_WhenTheKernelProcessGetsSigint_TheCellFailsAsCancelled_AndTheNextCellRuns()
    {
        using var kernel = KernelClient.InChildProcess();
        using var gate = new Gate();
        kernel.Send(
            kernel.Shell,
            "execute_request",
            new JsonObject { ["code"] = $"Console.WriteLine(\"spinning\"); {gate.SpinCode}" });
        // The cell's own output proves it is running (and spinning) before the signal is sent.
        while (kernel.Receive(kernel.Iopub).Type != "stream")
        {
        }

        SendSigint(kernel.KernelProcessId);
        // The gate opens only after the reply: a reply at all proves the kernel gave up on the spinning cell.
        var reply = kernel.Receive(kernel.Shell);
        gate.Open();
        Assert.Equal("error", reply.Text("status"));
        Assert.Equal("OperationCanceledException", reply.Text("ename"));
        kernel.Drain();
        var next = kernel.Execute("6 * 7");
        Assert.Equal("ok", next.Reply.Text("status"));
        Assert.Equal("42", KernelClient.ResultText(next.Iopub));
    }

    // kill(1) rather than P/Invoke: the same signal a shell's Ctrl+C or jupyter_client's signal mode sends.
    private static void SendSigint(int processId)
    {
        using var kill = Process.Start(
            "kill",
            ["-INT", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
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
