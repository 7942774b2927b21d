using System.Text;

namespace Grading.Running.Isolation;

/// <summary>
/// Reads lines from a worker's stdout without trusting it: a line longer than the cap is dropped (a protocol
/// event is never that long), and the total of dropped text is counted so a flood can be stopped.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLineChars)
{
    private readonly char[] buffer = new char[8192];
    private readonly StringBuilder line = new();
    private int position;
    private int filled;
    private bool overlong;

    /// <summary>Characters thrown away because their line was over the cap.</summary>
    public long DroppedChars { get; private set; }

    /// <summary>The next line that fits the cap, or null at the end of the stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (position == filled)
            {
                filled = await reader.ReadAsync(buffer.AsMemory(), cancellationToken);
                position = 0;
                if (filled == 0)
                {
                    return null;
                }
            }

            var newline = Array.IndexOf(buffer, '\n', position, filled - position);
            var end = newline < 0 ? filled : newline;
            Append(buffer.AsSpan(position, end - position));
            position = newline < 0 ? filled : newline + 1;
            if (newline < 0)
            {
                continue;
            }

            var complete = overlong ? null : line.ToString();
            line.Clear();
            overlong = false;
            if (complete is not null)
            {
                return complete;
            }
        }
    }

    private void Append(ReadOnlySpan<char> chunk)
    {
        if (overlong || line.Length + chunk.Length > maxLineChars)
        {
            DroppedChars += chunk.Length + line.Length;
            line.Clear();
            overlong = true;
            return;
        }

        line.Append(chunk);
    }
}
