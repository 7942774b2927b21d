using System.Text;

namespace NotebookEngine;

/// <summary>Console.Out/Error while a session exists: writes go to the running cell's collector,
/// or through when none runs.</summary>
/// <remarks>Every overload hands the collector a span, so a write allocates nothing beyond what the collector
/// keeps.</remarks>
internal sealed class RoutingWriter(TextWriter passthrough, string stream) : TextWriter
{
    /// <summary>The writer this one replaced, restored when the session ends.</summary>
    public TextWriter Passthrough => passthrough;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        if (OutputCollector.Current.Value is { } collector)
        {
            collector.Write(stream, buffer);
        }
        else
        {
            passthrough.Write(buffer);
        }
    }

    public override void WriteLine(string? value) => WriteLine(value.AsSpan());

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        // One write for text and newline, so a line is never split between two outputs of a live front end.
        var newLine = CoreNewLine;
        var length = buffer.Length + newLine.Length;
        char[]? rented = null;
        var line = length <= 256
            ? stackalloc char[length]
            : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        buffer.CopyTo(line);
        newLine.CopyTo(line[buffer.Length..]);
        Write(line[..length]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    public override void WriteLine() => Write(CoreNewLine);

    public override void Flush() => passthrough.Flush();
}
