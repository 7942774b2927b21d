namespace NotebookKernel.Server;

/// <summary>How the kernel was started (its command line).</summary>
/// <param name="ConnectionFile">The connection file the client wrote.</param>
/// <param name="Optimize">Compile cells optimized (opt-in; the .NET Interactive dialect compiles them in
/// Debug).</param>
/// <param name="CellTimeout">A cell running longer fails with a timeout; infinite by default,
/// as in every notebook client.</param>
internal sealed record KernelOptions(string ConnectionFile, bool Optimize, TimeSpan CellTimeout)
{
    /// <summary>The usage line for --help and argument errors.</summary>
    public const string Usage =
        "usage: NotebookKernel --connection-file <file.json> [--optimize] [--cell-timeout <seconds>]";

    /// <summary>Parses the command line; null with <paramref name="error"/> when it is wrong.</summary>
    public static KernelOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        string? file = null;
        var optimize = false;
        var timeout = Timeout.InfiniteTimeSpan;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--connection-file" or "-f" when i + 1 < args.Count:
                    file = args[++i];
                    break;
                case "--optimize":
                    optimize = true;
                    break;
                case "--cell-timeout" when i + 1 < args.Count
                    && int.TryParse(args[i + 1], out var seconds)
                    && seconds > 0:
                    timeout = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                case var value when file is null && !value.StartsWith('-'):
                    file = value;
                    break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}'; {Usage}";
                    return null;
            }
        }

        error = file is null ? $"no connection file given; {Usage}" : "";
        return file is null ? null : new KernelOptions(Path.GetFullPath(file), optimize, timeout);
    }
}
