using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using NotebookKernel.Server;
using NotebookKernel.Wire;

namespace NotebookKernel.Handlers;

/// <summary>
/// <c>Console.ReadLine()</c> in a cell: an input_request on the stdin channel, routed with the execute_request's
/// identities, then a wait for the client's input_reply. Returns null at once when the client disallows stdin
/// (nbclient) or no cell is running, and when the cell is interrupted while waiting.
/// </summary>
internal sealed class StdinChannel(RouterSocket socket, WireCodec codec, IopubPublisher iopub)
{
    private readonly Lock gate = new();
    private volatile Waiting? current;

    private sealed record Waiting(JupyterMessage Request, bool Allowed, CancellationToken Interrupt);

    /// <summary>Input requests now belong to <paramref name="request"/>.</summary>
    public void Begin(JupyterMessage request, bool allowed, CancellationToken interrupt) =>
        current = new Waiting(request, allowed, interrupt);

    /// <summary>No cell runs: ReadLine returns null.</summary>
    public void End() => current = null;

    /// <summary>Asks the client for one line.</summary>
    public string? ReadLine(string prompt, bool password)
    {
        lock (gate)
        {
            if (current is not { Allowed: true } waiting)
            {
                return null;
            }

            // The prompt must follow what the cell printed before it.
            iopub.Flush();
            var frames = codec.Encode(
                "input_request",
                new JsonObject { ["prompt"] = prompt, ["password"] = password },
                waiting.Request);
            socket.SendMultipartBytes(frames);
            var received = new List<byte[]>();
            while (!waiting.Interrupt.IsCancellationRequested)
            {
                if (!socket.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(100), ref received))
                {
                    continue;
                }

                // jupyter_client sends input_reply without a parent header:
                // any input_reply answers the pending request.
                if (codec.Decode(received, out var problem) is { Type: "input_reply" } reply)
                {
                    return reply.Text("value");
                }

                KernelLog.Write(
                    problem.Length > 0 ? $"stdin: {problem}" : "stdin: ignored a message that is not input_reply");
            }

            return null;
        }
    }
}
