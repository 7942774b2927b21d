using System.Text;

namespace NotebookEngine;

/// <summary>
/// Collects one cell's outputs in the order they happen: console writes merge into the current stream output,
/// displays append, updates replace. Closed when the cell ends, so a runaway thread of a timed-out cell cannot
/// write into later cells.
/// </summary>
internal sealed class OutputCollector(int limitBytes)
{
    private readonly List<CellOutput> outputs = [];
    private readonly object gate = new();
    private long usedBytes;
    private bool truncated;
    private bool closed;

    /// <summary>The collector of the cell running on this logical call chain (flows into tasks and threads it starts).</summary>
    public static AsyncLocal<OutputCollector?> Current { get; } = new();

    public void Write(string stream, string text)
    {
        lock (gate)
        {
            if (closed || !Reserve(text.Length * 2L))
            {
                return;
            }

            if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == stream)
            {
                outputs[^1] = last with { Text = last.Text + text };
            }
            else
            {
                outputs.Add(new StreamOutput(stream, text));
            }
        }
    }

    public void Display(DisplayDataOutput display)
    {
        lock (gate)
        {
            if (!closed && Reserve(display.Data.Sum(pair => pair.Value.Length * 2L)))
            {
                outputs.Add(display);
            }
        }
    }

    public void Update(DisplayDataOutput display)
    {
        lock (gate)
        {
            var index = outputs.FindIndex(o => o is DisplayDataOutput d && d.DisplayId == display.DisplayId);
            if (!closed && index >= 0)
            {
                outputs[index] = display;
            }
        }
    }

    public void Add(CellOutput output)
    {
        lock (gate)
        {
            outputs.Add(output);
        }
    }

    public IReadOnlyList<CellOutput> Close()
    {
        lock (gate)
        {
            closed = true;
            return outputs.ToArray();
        }
    }

    private bool Reserve(long bytes)
    {
        if (usedBytes + bytes <= limitBytes)
        {
            usedBytes += bytes;
            return true;
        }

        if (!truncated)
        {
            truncated = true;
            outputs.Add(new StreamOutput("stderr",
                $"\n[output truncated: this cell printed more than {limitBytes / 1024} KiB; the rest was dropped]\n"));
        }

        return false;
    }
}

/// <summary>Console.Out/Error while a session exists: writes go to the running cell's collector, or through when none runs.</summary>
internal sealed class RoutingWriter(TextWriter passthrough, string stream) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (value is null)
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

    public override void WriteLine(string? value) => Write(value + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush() => passthrough.Flush();
}
