using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using NotebookEngine;
using NotebookKernel.Handlers;
using NotebookKernel.Wire;

namespace NotebookKernel.Server;

/// <summary>
/// The kernel process: five sockets, a heartbeat thread, a control thread, the shell loop on the calling thread and one
/// IOPub sender. Every request gets status busy before and idle after its reply, on both shell and control.
/// </summary>
internal sealed class KernelServer : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly WireCodec codec;
    private readonly RouterSocket shell = new();
    private readonly RouterSocket control = new();
    private readonly RouterSocket stdinSocket = new();
    private readonly PublisherSocket iopubSocket = new();
    private readonly ResponseSocket heartbeat = new();
    private readonly IopubPublisher iopub;
    private readonly ExecuteHandler execution;
    private readonly CodeAssistHandler assist;
    private readonly History history = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Thread> threads = [];
    private readonly TextReader replacedIn = Console.In;
    private readonly TextReader installedIn;
    private PosixSignalRegistration? interruptSignal;

    private KernelServer(ConnectionInfo connection, KernelOptions options)
    {
        codec = new WireCodec(MessageSigner.Create(connection.SignatureScheme, connection.Key));
        foreach (var socket in new NetMQSocket[] { shell, control, stdinSocket, iopubSocket, heartbeat })
        {
            // Replies still queued at shutdown leave within a second; then the process exits anyway.
            socket.Options.Linger = TimeSpan.FromSeconds(1);
        }

        Bind(shell, connection, connection.ShellPort, "shell_port");
        Bind(control, connection, connection.ControlPort, "control_port");
        Bind(stdinSocket, connection, connection.StdinPort, "stdin_port");
        Bind(iopubSocket, connection, connection.IopubPort, "iopub_port");
        Bind(heartbeat, connection, connection.HeartbeatPort, "hb_port");
        iopub = new IopubPublisher(iopubSocket, codec);
        var stdin = new StdinChannel(stdinSocket, codec, iopub);
        Console.SetIn(new KernelStdinReader(stdin));
        installedIn = Console.In;
        // The parser first, at once: jupyter console asks is_complete with a 1 s timeout before the session is up.
        _ = Task.Run(() => CodeAssistant.Classify("for (var i = 0; i < 1; i++) {"));
        var session = StartSessionAsync(options);
        execution = new ExecuteHandler(session, iopub, stdin, history);
        assist = new CodeAssistHandler(session);
    }

    /// <summary>Binds every socket; the kernel answers kernel_info while the engine still warms up.</summary>
    /// <exception cref="KernelStartException">A port is in use or the address is invalid.</exception>
    public static KernelServer Start(ConnectionInfo connection, KernelOptions options) => new(connection, options);

    /// <summary>Serves until shutdown_request, the parent's death or SIGTERM; returns the exit code.</summary>
    public int Run()
    {
        iopub.Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        interruptSignal = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            // Signal-mode clients interrupt with SIGINT; without this, .NET would end the process.
            context.Cancel = true;
            execution.Interrupt();
        });
        threads.Add(new Thread(HeartbeatLoop) { IsBackground = true, Name = "heartbeat" });
        threads.Add(new Thread(() => ServeLoop(control)) { IsBackground = true, Name = "control" });
        threads.ForEach(thread => thread.Start());
        ParentWatcher.Start(stopping);
        ServeLoop(shell);
        return 0;
    }

    /// <summary>Stops the loops and closes the server's sockets. NetMQ's process-wide context stays up: the process
    /// that owns it ends it (<c>NetMQConfig.Cleanup</c>), since ending it here would break every other socket of the
    /// process, as it did for the tests that host a kernel in-process beside clients of a kernel process.</summary>
    public void Dispose()
    {
        interruptSignal?.Dispose();
        stopping.Cancel();
        // Each loop polls every 100 ms: once they have returned, no thread touches a socket being closed.
        threads.ForEach(thread => thread.Join(TimeSpan.FromSeconds(2)));
        iopub.Dispose();
        foreach (var socket in new NetMQSocket[] { shell, control, stdinSocket, iopubSocket, heartbeat })
        {
            socket.Dispose();
        }

        // Console.In is the process's: give back what this kernel replaced, unless someone has replaced it since.
        if (ReferenceEquals(Console.In, installedIn))
        {
            Console.SetIn(replacedIn);
        }
    }

    private static void Bind(NetMQSocket socket, ConnectionInfo connection, int port, string name)
    {
        var address = connection.Address(port);
        try
        {
            socket.Bind(address);
        }
        catch (NetMQException exception)
        {
            throw new KernelStartException($"cannot bind {name} to {address}: {exception.Message} " +
                                           "(is another kernel using it? ask the client for new ports)");
        }
    }

    private static async Task<NotebookSession> StartSessionAsync(KernelOptions options)
    {
        // Off the shell thread: Roslyn's cold start takes about a second and kernel_info must be answered at once.
        await Task.Yield();
        var session = await NotebookSession.StartAsync(new SessionOptions
        {
            WorkingDirectory = Environment.CurrentDirectory,
            CellTimeout = options.CellTimeout,
            Optimize = options.Optimize,
        });
        // Loads Roslyn's binder and the doc files in the background: jupyter console gives up on a reply after 1 s.
        _ = session.Assistant.WarmUpAsync().ContinueWith(
            t => KernelLog.Write($"code assistance warm-up failed: {t.Exception?.GetBaseException().Message}"),
            TaskContinuationOptions.OnlyOnFaulted);
        return session;
    }

    private void HeartbeatLoop()
    {
        var frames = new List<byte[]>();
        while (!stopping.IsCancellationRequested)
        {
            if (heartbeat.TryReceiveMultipartBytes(PollInterval, ref frames))
            {
                heartbeat.SendMultipartBytes(frames);
            }
        }
    }

    private void ServeLoop(RouterSocket socket)
    {
        var frames = new List<byte[]>();
        while (!stopping.IsCancellationRequested)
        {
            if (!socket.TryReceiveMultipartBytes(PollInterval, ref frames))
            {
                continue;
            }

            try
            {
                var abort = Handle(socket, frames);
                if (abort)
                {
                    AbortQueuedExecutions(socket);
                }
            }
            catch (Exception exception)
            {
                // Bad input never ends the kernel: log it and serve the next request.
                KernelLog.Write($"request failed: {exception}");
            }
        }
    }

    // Returns true when an execute_request failed with stop_on_error, so queued executions must be aborted.
    private bool Handle(RouterSocket socket, List<byte[]> frames, bool aborting = false)
    {
        if (codec.Decode(frames, out var problem) is not { } request)
        {
            KernelLog.Write(problem);
            return false;
        }

        iopub.Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        var abort = false;
        try
        {
            var (replyType, content) = Dispatch(request, aborting, out abort);
            if (content is not null)
            {
                socket.SendMultipartBytes(codec.Encode(replyType, content, request));
            }

            if (request.Type == "shutdown_request")
            {
                stopping.Cancel();
            }
        }
        finally
        {
            iopub.Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }

        return abort;
    }

    private (string ReplyType, JsonObject? Content) Dispatch(JupyterMessage request, bool aborting, out bool abort)
    {
        abort = false;
        var replyType = request.Type.EndsWith("_request", StringComparison.Ordinal)
            ? request.Type[..^"request".Length] + "reply"
            : "";
        switch (request.Type)
        {
            case "kernel_info_request":
                return (replyType, KernelInfo.Reply());
            case "execute_request" when aborting:
                return (
                    replyType,
                    new JsonObject { ["status"] = "aborted", ["execution_count"] = execution.ExecutionCount });
            case "execute_request":
                var reply = execution.Execute(request, out var failed);
                abort = failed && request.Flag("stop_on_error", true);
                return (replyType, reply);
            case "is_complete_request":
                return (replyType, CodeAssistHandler.IsComplete(request));
            case "complete_request":
                return (replyType, assist.Complete(request));
            case "inspect_request":
                return (replyType, assist.Inspect(request));
            case "history_request":
                return (replyType, history.Reply(request.Content));
            case "comm_info_request":
                return (replyType, new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
            case "comm_open":
                // No comm targets here (no widgets): close it, as ipykernel does for an unknown target.
                iopub.Publish(
                    "comm_close",
                    new JsonObject { ["comm_id"] = request.Text("comm_id"), ["data"] = new JsonObject() },
                    request);
                return ("", null);
            case "comm_msg" or "comm_close":
                return ("", null);
            case "interrupt_request":
                execution.Interrupt();
                return (replyType, new JsonObject { ["status"] = "ok" });
            case "shutdown_request":
                execution.Interrupt();
                return (replyType, new JsonObject { ["status"] = "ok", ["restart"] = request.Flag("restart", false) });
            default:
                KernelLog.Write($"unsupported message type '{request.Type}': ignored");
                return ("", null);
        }
    }

    // stop_on_error: executions queued behind a failed one are answered "aborted" without running; other requests
    // found in the queue are handled normally, in order. Anything arriving later runs again.
    private void AbortQueuedExecutions(RouterSocket socket)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(TimeSpan.Zero, ref frames))
        {
            Handle(socket, frames, aborting: true);
        }
    }
}
