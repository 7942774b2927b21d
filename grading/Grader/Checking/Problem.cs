namespace Grading.Checking;

/// <summary>How bad a problem is: errors fail <c>check</c>, warnings are printed only.</summary>
internal enum Severity
{
    /// <summary>Breaks grading or the student's experience.</summary>
    Error,

    /// <summary>Worth fixing; does not fail the check.</summary>
    Warning,
}

/// <summary>One problem in a notebook, located as precisely as possible.</summary>
internal sealed record Problem(
    Severity Severity,
    string Notebook,
    int? CellIndex,
    string? GradeId,
    int? Line,
    string Message)
{
    /// <summary>"notebooks/01.ipynb: cell 7 (lookup_tests), line 12: error: …".</summary>
    public override string ToString()
    {
        var where = CellIndex is { } cell ? $": cell {cell}{(GradeId is null ? "" : $" ({GradeId})")}" : "";
        var line = Line is { } number ? $", line {number}" : "";
        return $"{Notebook}{where}{line}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
    }
}
