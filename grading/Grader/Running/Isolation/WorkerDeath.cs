namespace Grading.Running.Isolation;

/// <summary>
/// Turns how a worker ended (exit status, whether we stopped it, the runtime's own last words) into one of a fixed set
/// of sentences a student can act on. The worker's stderr is the student's too: it is only ever used to tell two
/// runtime deaths apart when the exit status already says "aborted", and never quoted, so printed text cannot fake or
/// write the explanation.
/// </summary>
internal static class WorkerDeath
{
    /// <summary>SIGABRT as an exit status (128 + 6): how the .NET runtime ends on a stack overflow or an unhandled
    /// fatal error.</summary>
    public const int Aborted = 134;

    /// <summary>SIGKILL (128 + 9): the kernel (out of memory) or someone else killed the worker.</summary>
    public const int Killed = 137;

    /// <summary>SIGXFSZ (128 + 25): a file grew past the file-size cap.</summary>
    public const int FileTooLarge = 153;

    /// <summary>One sentence: what happened, during what, and what to try.</summary>
    public static string Explain(
        int exitCode,
        string stderrTail,
        WorkerStop stoppedBy,
        WorkerLimits limits,
        string during)
    {
        switch (stoppedBy)
        {
            case WorkerStop.NotebookBudget:
                return $"The notebook used up its time budget of {limits.NotebookBudget.TotalSeconds:0} s " +
                       $"while running {during}. " +
                       "Look for a loop that never ends or work that is far bigger than the exercise needs.";
            case WorkerStop.CellTimeout:
                // The engine's own timeout did not end the cell (a loop that ignores cancellation), so the grader did.
                return $"The cell timed out: {during} ran past its limit of {limits.CellTimeout.TotalSeconds:0} s " +
                       "and did not stop, so its process was ended. " +
                       "Look for a loop that never ends or work that is far bigger than the exercise needs.";
            case WorkerStop.StrayOutput:
                return $"The notebook wrote more than {limits.StrayOutputLimitBytes / 1024} KiB " +
                       "to the grader's own channel while running " +
                       $"{during} (output that bypassed Console), so its process was ended.";
        }

        var runtimeLines = stderrTail.Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (exitCode == Aborted && runtimeLines.Contains("Stack overflow."))
        {
            return $"The process crashed with a stack overflow while running {during}: " +
                   "a recursion without a base case?";
        }

        if (exitCode == Aborted
            && runtimeLines.Any(line =>
                line.StartsWith("Unhandled exception. System.OutOfMemoryException", StringComparison.Ordinal)
                || line == "Out of memory."))
        {
            return $"The process ran out of memory (limit {limits.MemoryMegabytes} MB) while running {during}. " +
                   "Check the sizes you allocate.";
        }

        return exitCode switch
        {
            0 => $"The notebook ended the process (Environment.Exit or similar) while running {during}; " +
                 "the cells after it could not run.",
            Killed => $"The worker process was killed while running {during}: " +
                      "it probably used more memory than its limit " +
                      $"({limits.MemoryMegabytes} MB managed + {limits.NativeHeadroomMegabytes} MB native). " +
                      "Check the sizes you allocate.",
            FileTooLarge =>
                $"The worker process wrote a file larger than {limits.MaxFileMegabytes} MB while running {during}.",
            > 128 and < 160 => $"The worker process was ended by signal {exitCode - 128} while running {during}.",
            _ => $"The worker process stopped with exit code {exitCode} while running {during}.",
        };
    }
}
