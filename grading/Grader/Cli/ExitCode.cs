namespace Grading.Cli;

/// <summary>What the grader's process exit code means. Scripts and CI read these, so values never change.</summary>
internal enum ExitCode
{
    /// <summary>The verb did everything it was asked, and found nothing wrong.</summary>
    Success = 0,

    /// <summary>The verb ran, and what it checked has problems (lint findings, failed tests, failed cells).</summary>
    ProblemsFound = 1,

    /// <summary>The command line itself was wrong: unknown verb, missing argument, bad option value.</summary>
    UsageError = 2,

    /// <summary>An input could not be read: missing file, malformed notebook, unreadable folder.</summary>
    InputError = 3,

    /// <summary>The environment lacks something the verb needs (for example bubblewrap for --sandbox bwrap).</summary>
    EnvironmentError = 4,

    /// <summary>The grader itself failed (a bug): the message carries the stack trace for the report.</summary>
    InternalError = 70,

    /// <summary>The run was cancelled (Ctrl+C). Whatever was already written stays valid.</summary>
    Cancelled = 130,
}
