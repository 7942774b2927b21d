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
    private readonly Lock gate = new();
    private long usedBytes;
    private bool truncated;
    private bool closed;

    /// <summary>The collector of the cell running on this logical call chain (flows into tasks and threads it starts).</summary>
    public static AsyncLocal<OutputCollector?> Current { get; } = new();

    /// <summary>Appends console text, merged with the previous output when that is the same stream.</summary>
    public void Write(string stream, string text)
    {
        lock (gate)
        {
            if (closed || text.Length == 0)
            {
                return;
            }

            var kept = Fit(text);
            if (kept.Length > 0)
            {
                if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == stream)
                {
                    outputs[^1] = last with { Text = last.Text + kept };
                }
                else
                {
                    outputs.Add(new StreamOutput(stream, kept));
                }
            }

            if (kept.Length < text.Length)
            {
                Truncate();
            }
        }
    }

    /// <summary>Appends a display, unless it would go past the limit.</summary>
    public void Display(DisplayDataOutput display)
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            var bytes = display.Data.Sum(pair => (long)Encoding.UTF8.GetByteCount(pair.Value));
            if (usedBytes + bytes <= limitBytes)
            {
                usedBytes += bytes;
                outputs.Add(display);
            }
            else
            {
                Truncate();
            }
        }
    }

    /// <summary>Replaces the display with the same id, where it is (DisplayedValue.Update).</summary>
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

    /// <summary>Appends an engine output (the error), which the limit never drops.</summary>
    public void Add(CellOutput output)
    {
        lock (gate)
        {
            outputs.Add(output);
        }
    }

    /// <summary>Ends the cell: later writes are dropped. Returns the outputs so far.</summary>
    public IReadOnlyList<CellOutput> Close()
    {
        lock (gate)
        {
            closed = true;
            return outputs.ToArray();
        }
    }

    // The longest prefix of text that still fits in the limit (counted in UTF-8 bytes, as the notebook file stores it).
    private string Fit(string text)
    {
        var room = limitBytes - usedBytes;
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes <= room)
        {
            usedBytes += bytes;
            return text;
        }

        var length = 0;
        long used = 0;
        while (length < text.Length)
        {
            var step = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(length, step));
            if (used + size > room)
            {
                break;
            }

            used += size;
            length += step;
        }

        usedBytes += used;
        return text[..length];
    }

    private void Truncate()
    {
        if (!truncated)
        {
            truncated = true;
            var limit = limitBytes % 1024 == 0 ? $"{limitBytes / 1024} KiB" : $"{limitBytes} bytes";
            outputs.Add(new StreamOutput("stderr", $"\n[output truncated: this cell printed more than {limit}; the rest was dropped]\n"));
        }
    }
}
