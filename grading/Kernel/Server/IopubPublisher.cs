using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using NotebookKernel.Wire;

namespace NotebookKernel.Server;

/// <summary>
/// The only thread that sends on IOPub (NetMQ sockets are not thread-safe; interleaved frames break signatures).
/// Console text is coalesced per stream into one message every ~50 ms or 8 KiB, so a loop printing a million lines
/// neither floods the client nor hits PUB's high-water mark; any other message first flushes the pending text, so
/// the client sees outputs in the order they happened.
/// </summary>
internal sealed class IopubPublisher : IDisposable
{
    private static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(50);
    private const int CoalesceChars = 8 * 1024;

    private readonly PublisherSocket socket;
    private readonly WireCodec codec;
    private readonly BlockingCollection<(string Type, JsonObject Content, JupyterMessage? Parent)> queue = new();
    private readonly Lock gate = new();
    private readonly StringBuilder pendingText = new();
    private readonly Thread sender;
    private string? pendingStream;
    private JupyterMessage? pendingParent;
    private long pendingSince;

    public IopubPublisher(PublisherSocket socket, WireCodec codec)
    {
        this.socket = socket;
        this.codec = codec;
        sender = new Thread(SendLoop) { IsBackground = true, Name = "iopub sender" };
        sender.Start();
    }

    /// <summary>Queues a message; sent after everything queued before it.</summary>
    public void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        lock (gate)
        {
            FlushPendingLocked();
            queue.TryAdd((type, content, parent));
        }
    }

    /// <summary>Appends console text to the pending stream message (a new one when the stream or parent
    /// changes).</summary>
    public void Stream(string name, string text, JupyterMessage? parent)
    {
        lock (gate)
        {
            if (pendingStream != name || !ReferenceEquals(pendingParent, parent))
            {
                FlushPendingLocked();
                pendingStream = name;
                pendingParent = parent;
                pendingSince = Stopwatch.GetTimestamp();
            }

            pendingText.Append(text);
            if (pendingText.Length >= CoalesceChars)
            {
                FlushPendingLocked();
            }
        }
    }

    /// <summary>Queues the pending console text now (cell end).</summary>
    public void Flush()
    {
        lock (gate)
        {
            FlushPendingLocked();
        }
    }

    /// <summary>Sends what is queued, then stops the sender thread.</summary>
    public void Dispose()
    {
        Flush();
        queue.CompleteAdding();
        sender.Join(TimeSpan.FromSeconds(2));
    }

    private void FlushPendingLocked()
    {
        if (pendingStream is null)
        {
            return;
        }

        var content = new JsonObject
        {
            ["name"] = pendingStream,
            ["text"] = TextSanitizer.WellFormed(pendingText.ToString()),
        };
        queue.TryAdd(("stream", content, pendingParent));
        pendingText.Clear();
        pendingStream = null;
        pendingParent = null;
    }

    private void SendLoop()
    {
        while (!queue.IsCompleted)
        {
            if (queue.TryTake(out var item, CoalesceWindow))
            {
                Send(item.Type, item.Content, item.Parent);
            }

            lock (gate)
            {
                if (pendingStream is not null && Stopwatch.GetElapsedTime(pendingSince) >= CoalesceWindow)
                {
                    FlushPendingLocked();
                }
            }
        }
    }

    private void Send(string type, JsonObject content, JupyterMessage? parent)
    {
        try
        {
            var topic = Encoding.ASCII.GetBytes($"kernel.{codec.Session}.{type}");
            var frames = codec.Encode(type, content, parent, [topic]);
            var message = new NetMQMessage(frames);
            socket.SendMultipartMessage(message);
        }
        catch (Exception exception)
        {
            // One unsendable message (say, a value that does not serialise) must not stop every later output.
            KernelLog.Write($"iopub: could not send {type}: {exception.Message}");
        }
    }
}
