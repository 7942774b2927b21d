namespace Grading.Isolation;

/// <summary>Turns how a worker ended (exit code, its last stderr lines, whether we killed it) into a reason a student can act on.</summary>
internal static class WorkerDeath
{
    /// <summary>One sentence: what happened, during what, and what to try.</summary>
    public static string Explain(int exitCode, string stderrTail, bool outOfTime, WorkerLimits limits, string during)
    {
        if (outOfTime)
        {
            return $"The notebook used up its time budget of {limits.NotebookBudget.TotalSeconds:0} s while running {during}. " +
                   "Look for a loop that never ends or work that is far bigger than the exercise needs.";
        }

        if (stderrTail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            return $"The process crashed with a stack overflow while running {during}: a recursion without a base case?";
        }

        if (stderrTail.Contains("OutOfMemory", StringComparison.OrdinalIgnoreCase) ||
            stderrTail.Contains("Out of memory", StringComparison.OrdinalIgnoreCase))
        {
            return $"The process ran out of memory (limit {limits.MemoryMegabytes} MB) while running {during}. " +
                   "Check the sizes you allocate.";
        }

        if (exitCode == 0)
        {
            return $"The notebook ended the process (Environment.Exit or similar) while running {during}; " +
                   "the cells after it could not run.";
        }

        var lastLine = stderrTail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault();
        return $"The worker process stopped with exit code {exitCode} while running {during}" +
               (lastLine is null ? "." : $": {lastLine}");
    }
}
