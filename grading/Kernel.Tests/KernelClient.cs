using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using NotebookKernel.Wire;

namespace Kernel.Tests;

/// <summary>
/// One kernel on free ports, served in this test process (the default, shared by every server test) or as its own
/// process, and a client speaking to it over real NetMQ sockets the way jupyter_client does (DEALER for shell, control
/// and stdin, SUB for IOPub).
/// </summary>
public sealed class KernelClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly WireCodec codec = new(MessageSigner.Create("hmac-sha256", "test-key"));
    private readonly IKernelHost host;
    private readonly string connectionFile = Path.Combine(Path.GetTempPath(), $"kernel-test-{Guid.NewGuid():N}.json");

    /// <summary>A kernel served in this test process.</summary>
    public KernelClient()
        : this(file => new InProcessKernelHost(file))
    {
    }

    private KernelClient(Func<string, IKernelHost> startHost)
    {
        var ports = Enumerable.Range(0, 5).Select(_ => FreePort()).ToArray();
        var connection = new ConnectionInfo
        {
            ShellPort = ports[0], IopubPort = ports[1], StdinPort = ports[2], ControlPort = ports[3],
            HeartbeatPort = ports[4], Key = "test-key",
        };
        File.WriteAllText(connectionFile, JsonSerializer.Serialize(connection));
        host = startHost(connectionFile);
        // jupyter_client gives its shell, control and stdin DEALERs one identity:
        // input_request is routed with the shell's.
        var identity = Guid.NewGuid().ToByteArray();
        foreach (var dealer in new[] { Shell, Control, Stdin })
        {
            dealer.Options.Identity = identity;
        }

        Shell.Connect(connection.Address(connection.ShellPort));
        Control.Connect(connection.Address(connection.ControlPort));
        Stdin.Connect(connection.Address(connection.StdinPort));
        Iopub.Connect(connection.Address(connection.IopubPort));
        Iopub.SubscribeToAnyTopic();
        // PUB drops what is sent before the subscription arrives: ask until an IOPub message shows it is through.
        while (true)
        {
            Send(Shell, "kernel_info_request", []);
            Receive(Shell);
            if (TryReceive(Iopub, TimeSpan.FromMilliseconds(500)) is not null)
            {
                break;
            }
        }

        Drain();
    }

    /// <summary>The kernel's process id (this process's for the in-process kernel).</summary>
    public int KernelProcessId => host.ProcessId;

    public DealerSocket Shell { get; } = new();

    /// <summary>A kernel started as its own process, the way a Jupyter client starts it.</summary>
    internal static KernelClient InChildProcess() => new(file => new ChildProcessKernelHost(file));

    public DealerSocket Control { get; } = new();

    public DealerSocket Stdin { get; } = new();

    public SubscriberSocket Iopub { get; } = new();

    /// <summary>Sends a request; returns its header's msg_id.</summary>
    public string Send(NetMQSocket socket, string type, JsonObject content)
    {
        var frames = codec.Encode(type, content, null, []);
        socket.SendMultipartBytes(frames);
        return codec.Decode(frames, out _)!.Header["msg_id"]!.GetValue<string>();
    }

    /// <summary>Sends raw frames (malformed input tests).</summary>
    public void SendRaw(NetMQSocket socket, params byte[][] frames) => socket.SendMultipartBytes(frames);

    /// <summary>The next message on the socket; fails the test after a minute.</summary>
    internal JupyterMessage Receive(NetMQSocket socket) =>
        TryReceive(socket, Patience) ?? throw new TimeoutException("no message from the kernel within a minute");

    internal JupyterMessage? TryReceive(NetMQSocket socket, TimeSpan timeout)
    {
        var frames = new List<byte[]>();
        if (!socket.TryReceiveMultipartBytes(timeout, ref frames))
        {
            return null;
        }

        // IOPub's first frame is the topic; the codec treats frames before the delimiter as identities.
        return codec.Decode(frames, out var problem)
            ?? throw new InvalidOperationException($"the kernel sent a bad message: {problem}");
    }

    /// <summary>Executes code and returns the reply and the IOPub messages of that request up to its idle.</summary>
    internal (JupyterMessage Reply, List<JupyterMessage> Iopub) Execute(
        string code,
        bool allowStdin = false,
        bool stopOnError = true)
    {
        var id = Send(Shell, "execute_request", new JsonObject
        {
            ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(),
            ["allow_stdin"] = allowStdin, ["stop_on_error"] = stopOnError,
        });
        var reply = Receive(Shell);
        return (reply, IopubUntilIdle(id));
    }

    /// <summary>The text/plain of the one execute_result in <paramref name="iopub"/>, or a failed test.</summary>
    internal static string ResultText(IEnumerable<JupyterMessage> iopub) =>
        Assert.Single(iopub, m => m.Type == "execute_result").Content["data"]!["text/plain"]!.GetValue<string>();

    /// <summary>IOPub messages whose parent is <paramref name="id"/>, up to and including its idle status.</summary>
    internal List<JupyterMessage> IopubUntilIdle(string id)
    {
        var messages = new List<JupyterMessage>();
        while (true)
        {
            var message = Receive(Iopub);
            if (message.ParentHeader["msg_id"]?.GetValue<string>() != id)
            {
                continue;
            }

            messages.Add(message);
            if (message.Type == "status" && message.Text("execution_state") == "idle")
            {
                return messages;
            }
        }
    }

    /// <summary>Discards whatever IOPub holds.</summary>
    public void Drain()
    {
        while (TryReceive(Iopub, TimeSpan.FromMilliseconds(200)) is not null)
        {
        }
    }

    public void Dispose()
    {
        // Whatever the shutdown request meets, the sockets, the kernel and the file go: sockets left open keep a
        // blocking NetMQ cleanup (and with it the test run) from ever ending.
        try
        {
            Send(Control, "shutdown_request", new JsonObject { ["restart"] = false });
            TryReceive(Control, TimeSpan.FromSeconds(5));
        }
        finally
        {
            foreach (var socket in new NetMQSocket[] { Shell, Control, Stdin, Iopub })
            {
                socket.Options.Linger = TimeSpan.Zero;
                socket.Dispose();
            }

            host.Dispose();
            File.Delete(connectionFile);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
