namespace Grading.Policy;

/// <summary>Why the review keeps a cell from running.</summary>
internal enum RefusalKind
{
    /// <summary>The code policy or the locked-cell check refused it.</summary>
    Blocked,

    /// <summary>It does not compile on the chain it would run in.</summary>
    CompilationError,

    /// <summary>One of its directives (<c>#r</c>, <c>#load</c>, …) failed.</summary>
    DirectiveError,
}
