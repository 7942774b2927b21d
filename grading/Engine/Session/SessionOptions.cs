namespace NotebookEngine;

/// <summary>How a <see cref="NotebookSession"/> runs cells.</summary>
public sealed record SessionOptions
{
    /// <summary>
    /// The notebook's folder: relative <c>#r</c>, <c>#load</c> and file paths resolve here. Like the real kernel, the
    /// session makes it the process's current directory.
    /// </summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>
    /// A cell running longer fails with a timeout error and the session goes on with the next cell (default 30 s).
    /// The runaway cell's thread cannot be stopped in .NET: it runs until the process ends, writing nowhere.
    /// </summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Output kept per cell, in UTF-8 bytes of console text and displays (default 1 MiB). Console text is cut at the
    /// limit, a display that does not fit is dropped, and a stderr note says so; the error output is always kept.
    /// </summary>
    public int OutputLimitBytes { get; init; } = 1 << 20;

    /// <summary>
    /// Compile cells optimized (Roslyn's Release level) instead of the kernel's Debug level (default false, so the
    /// dialect and stack traces stay the kernel's). An opt-in for lessons that time code: loops can run several times
    /// faster.
    /// </summary>
    public bool Optimize { get; init; }
}
