using NotebookKernel.Wire;

namespace Kernel.Tests;

/// <summary>Connection files: what a client writes loads; what cannot work fails with one line saying why.</summary>
public sealed class ConnectionInfoTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"kernel-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(file);

    [Fact]
    public void AClientsFileWithExtraKeys_Loads_AndAddressesUseTheIp()
    {
        File.WriteAllText(file,
            """{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,""" +
            """ "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256",""" +
            """ "kernel_name": ".net-csharp", "jupyter_session": "x"}""");
        var info = ConnectionInfo.Load(file);
        Assert.Equal("tcp://127.0.0.1:5004", info.Address(info.ControlPort));
    }

    [Fact]
    public void IpcTransport_LoadingFailsSayingOnlyTcpWorks()
    {
        File.WriteAllText(file,
            """{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5,""" +
            """ "transport": "ipc"}""");
        var error = Assert.Throws<KernelStartException>(() => ConnectionInfo.Load(file));
        Assert.StartsWith("transport 'ipc'", error.Message);
        Assert.Contains("tcp", error.Message);
    }

    [Fact]
    public void AMissingPort_LoadingFailsNamingIt()
    {
        File.WriteAllText(file, """{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4}""");
        Assert.StartsWith("'hb_port'", Assert.Throws<KernelStartException>(() => ConnectionInfo.Load(file)).Message);
    }

    [Fact]
    public void NoFileOrNotJson_LoadingFailsNamingTheFile()
    {
        Assert.Contains(
            "cannot read the connection file",
            Assert.Throws<KernelStartException>(() => ConnectionInfo.Load(file)).Message);
        File.WriteAllText(file, "{");
        Assert.Contains(
            "is not valid JSON",
            Assert.Throws<KernelStartException>(() => ConnectionInfo.Load(file)).Message);
    }
}
