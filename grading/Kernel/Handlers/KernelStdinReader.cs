namespace NotebookKernel.Handlers;

/// <summary>Console.In while the kernel runs: each line read becomes an input_request to the client.</summary>
internal sealed class KernelStdinReader(StdinChannel channel) : TextReader
{
    private string? buffered;
    private int position;

    public override string? ReadLine()
    {
        if (buffered is not null)
        {
            var rest = buffered[position..];
            buffered = null;
            return rest;
        }

        return channel.ReadLine("", password: false);
    }

    // Console.Read() reads the client's line char by char, then '\n', as a terminal would deliver it.
    public override int Read()
    {
        if (buffered is null)
        {
            var line = channel.ReadLine("", password: false);
            if (line is null)
            {
                return -1;
            }

            (buffered, position) = (line + "\n", 0);
        }

        var c = buffered[position++];
        if (position == buffered.Length)
        {
            buffered = null;
        }

        return c;
    }

    public override int Peek() => buffered is null ? -1 : buffered[position];
}
