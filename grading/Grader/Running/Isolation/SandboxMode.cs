namespace Grading.Running.Isolation;

/// <summary>How a worker is confined while it runs a student's notebook.</summary>
internal enum SandboxMode
{
    /// <summary>Bubblewrap when it works on this machine; otherwise a separate process only, reported loudly.</summary>
    Auto,

    /// <summary>Bubblewrap or nothing: grading stops with an environment error when it is missing.</summary>
    Bwrap,

    /// <summary>A separate process without a sandbox; the instructor asked for it explicitly.</summary>
    None,
}
