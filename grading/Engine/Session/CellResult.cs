namespace NotebookEngine;

/// <summary>How a cell ended.</summary>
public enum CellStatus
{
    /// <summary>Ran to the end.</summary>
    Succeeded,

    /// <summary>Roslyn rejected the code; nothing of the cell took effect.</summary>
    CompilationError,

    /// <summary>The code threw; what it declared before the throw is kept.</summary>
    RuntimeError,

    /// <summary>A directive was wrong (unknown magic command, unknown package); nothing in the cell ran.</summary>
    DirectiveError,

    /// <summary>The cell ran past its time limit.</summary>
    TimedOut,
}

/// <summary>Why a cell failed, in a sentence a student can act on.</summary>
/// <param name="Kind">The failing status.</param>
/// <param name="Message">The exception's message, the compile errors, or the directive problem.</param>
/// <param name="ExceptionType">The exception's full type name for runtime errors.</param>
public sealed record CellFailure(CellStatus Kind, string Message, string? ExceptionType);

/// <summary>What one cell produced.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Outputs">Outputs in the order they happened (stream, display_data, error).</param>
/// <param name="Elapsed">Wall time of the cell.</param>
public sealed record CellResult(CellStatus Status, IReadOnlyList<CellOutput> Outputs, TimeSpan Elapsed)
{
    /// <summary>Why it failed; null when it succeeded.</summary>
    public CellFailure? Failure { get; init; }

    /// <summary>True when the cell ended with an expression (no semicolon), even one whose value is null.</summary>
    public bool HasReturnValue { get; init; }

    /// <summary>The trailing expression's value.</summary>
    public object? ReturnValue { get; init; }

    /// <summary>The trailing value when it is a number (partial credit in test cells).</summary>
    public double? NumericReturnValue => HasReturnValue ? ReturnValue switch
    {
        int i => i,
        long l => l,
        float f => f,
        double d => d,
        decimal m => (double)m,
        short s => s,
        byte b => b,
        _ => null,
    } : null;
}
