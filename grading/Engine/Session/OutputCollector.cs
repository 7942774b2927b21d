using System.Text;

namespace NotebookEngine;

/// <summary>
/// Collects one cell's outputs in the order they happen: console writes merge into the current stream output,
/// displays append, updates replace. Closed when the cell ends, so a runaway thread of a timed-out cell cannot
/// write into later cells. An optional listener hears each kept output as it happens.
/// </summary>
/// <remarks>
/// Console text is appended to a builder and only turned into a <see cref="StreamOutput"/> when another output
/// follows or the cell ends, so a cell printing a million lines costs linear time; once the limit is reached, further
/// text is dropped at the cost of a lock and a flag test.
/// </remarks>
internal sealed class OutputCollector(int limitBytes, ICellOutputListener? listener = null)
{
    private readonly List<CellOutput> outputs = [];
    private readonly StringBuilder openText = new();
    private readonly Lock gate = new();
    private string? openStream;
    private long usedBytes;
    private bool truncated;
    private bool closed;

    /// <summary>The collector of the cell running on this logical call chain
    /// (flows into tasks and threads it starts).</summary>
    public static AsyncLocal<OutputCollector?> Current { get; } = new();

    /// <summary>Appends console text, merged with the previous output when that is the same stream.</summary>
    public void Write(string stream, string text) => Write(stream, text.AsSpan());

    /// <summary>Appends console text, merged with the previous output when that is the same stream.</summary>
    public void Write(string stream, ReadOnlySpan<char> text)
    {
        lock (gate)
        {
            // Past the limit nothing more is kept: the note already says the rest was dropped.
            if (closed || truncated || text.IsEmpty)
            {
                return;
            }

            var kept = Fit(text);
            if (kept.Length > 0)
            {
                if (openStream != stream)
                {
                    SealOpenStream();
                    openStream = stream;
                }

                openText.Append(kept);
                if (listener is not null)
                {
                    var written = kept.ToString();
                    Notify(l => l.OnStream(stream, written));
                }
            }

            if (kept.Length < text.Length)
            {
                Truncate();
            }
        }
    }

    /// <summary>Appends a display, unless it would go past the limit.</summary>
    public void Display(DisplayDataOutput display) => Display(display, isResult: false, value: null);

    /// <summary>Appends the cell's return value (saved as a display, reported to the listener as the result).</summary>
    public void Result(DisplayDataOutput display, object? value) => Display(display, isResult: true, value);

    /// <summary>Replaces the display with the same id, where it is (DisplayedValue.Update).</summary>
    public void Update(DisplayDataOutput display)
    {
        lock (gate)
        {
            // The display is already in the list (sealed before it was added), so the open stream stays open.
            var index = outputs.FindIndex(o => o is DisplayDataOutput d && d.DisplayId == display.DisplayId);
            if (!closed && index >= 0)
            {
                outputs[index] = display;
                Notify(l => l.OnUpdate(display));
            }
        }
    }

    /// <summary>Appends an engine output (the error), which the limit never drops.</summary>
    public void Add(CellOutput output)
    {
        lock (gate)
        {
            SealOpenStream();
            outputs.Add(output);
        }
    }

    /// <summary>Ends the cell: later writes are dropped. Returns the outputs so far.</summary>
    public IReadOnlyList<CellOutput> Close()
    {
        lock (gate)
        {
            closed = true;
            SealOpenStream();
            return outputs.ToArray();
        }
    }

    private void Display(DisplayDataOutput display, bool isResult, object? value)
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
                SealOpenStream();
                outputs.Add(display);
                Notify(isResult ? l => l.OnResult(display.Data, value) : l => l.OnDisplay(display));
            }
            else
            {
                Truncate();
            }
        }
    }

    // A listener's failure is the front end's problem, never the student's cell's.
    private void Notify(Action<ICellOutputListener> call)
    {
        if (listener is null)
        {
            return;
        }

        try
        {
            call(listener);
        }
        catch (Exception)
        {
            // Not reported through Console.Error: that is this cell's stderr, routed back here.
            // The listener owns its logging.
        }
    }

    private void SealOpenStream()
    {
        if (openStream is not null)
        {
            outputs.Add(new StreamOutput(openStream, openText.ToString()));
            openText.Clear();
            openStream = null;
        }
    }

    // The longest prefix of text that still fits in the limit (counted in UTF-8 bytes, as the notebook file stores it).
    private ReadOnlySpan<char> Fit(ReadOnlySpan<char> text)
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
            var size = Encoding.UTF8.GetByteCount(text.Slice(length, step));
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
            var note = $"\n[output truncated: this cell printed more than {limit}; the rest was dropped]\n";
            SealOpenStream();
            outputs.Add(new StreamOutput("stderr", note));
            Notify(l => l.OnStream("stderr", note));
        }
    }
}
