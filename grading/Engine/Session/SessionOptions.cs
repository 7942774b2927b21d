namespace NotebookEngine;

/// <summary>How a <see cref="NotebookSession"/> runs cells.</summary>
public sealed record SessionOptions
{
    /// <summary>The notebook's folder: relative <c>#r</c>, <c>#load</c> and file paths resolve here (the real kernel's cwd).</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>A cell running longer fails with a timeout error; the session goes on with the next cell (default 30 s).</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Output text kept per cell (UTF-16 chars × 2 ≈ bytes); the rest is dropped with a note (default 1 MiB).</summary>
    public int OutputLimitBytes { get; init; } = 1 << 20;
}
