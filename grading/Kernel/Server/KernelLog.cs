namespace NotebookKernel.Server;

/// <summary>
/// The kernel's log: the process's real stderr (Jupyter servers show it in their log, never in cells), captured before
/// the notebook session redirects Console.Error to the running cell.
/// </summary>
internal static class KernelLog
{
    private static TextWriter writer = Console.Error;

    /// <summary>Pins the log to the current stderr; call before the session starts.</summary>
    public static void Capture() => writer = Console.Error;

    /// <summary>Writes one line, prefixed "kernel: ".</summary>
    public static void Write(string line)
    {
        lock (writer)
        {
            writer.WriteLine($"kernel: {line}");
            writer.Flush();
        }
    }
}
