using System.Text;

namespace NotebookEngine;

/// <summary>Console.Out/Error while a session exists: writes go to the running cell's collector, or through when none runs.</summary>
internal sealed class RoutingWriter(TextWriter passthrough, string stream) : TextWriter
{
    /// <summary>The writer this one replaced, restored when the session ends.</summary>
    public TextWriter Passthrough => passthrough;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (OutputCollector.Current.Value is { } collector)
        {
            collector.Write(stream, value);
        }
        else
        {
            passthrough.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void WriteLine(string? value) => Write(value + NewLine);

    public override void WriteLine(ReadOnlySpan<char> buffer) => Write(new string(buffer) + NewLine);

    public override void WriteLine() => Write(NewLine);

    public override void Flush() => passthrough.Flush();
}
