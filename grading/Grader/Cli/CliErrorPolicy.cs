using System.Text.Json;
using Grading.Notebooks;
using Grading.Policy;

namespace Grading.Cli;

/// <summary>
/// The one map from what can go wrong in a verb to the message printed and the exit code returned, applied around every
/// verb by <see cref="GraderCli"/>: verbs throw, or return a code for what they checked, and never decide this
/// themselves.
/// </summary>
internal static class CliErrorPolicy
{
    /// <summary>The exit code for <paramref name="exception"/>: an input error for anything a file can cause.</summary>
    public static ExitCode ExitCodeFor(Exception exception) => exception switch
    {
        OperationCanceledException => ExitCode.Cancelled,
        NotebookFormatException or RegionException or PolicyFormatException or InputException => ExitCode.InputError,
        JsonException or FormatException => ExitCode.InputError,
        IOException or UnauthorizedAccessException => ExitCode.InputError,
        _ => ExitCode.InternalError,
    };

    /// <summary>What the user reads on stderr; an internal error keeps its stack trace, for the bug report.</summary>
    public static string MessageFor(Exception exception) => exception switch
    {
        OperationCanceledException => "Cancelled; what was already written stays valid.",
        JsonException => $"A JSON input could not be read: {exception.Message} Fix or remove the file and run again.",
        IOException or UnauthorizedAccessException =>
            $"{exception.Message} Check that the path exists and is readable.",
        _ when ExitCodeFor(exception) == ExitCode.InternalError =>
            $"The grader failed ({exception.GetType().Name}: {exception.Message}). " +
            $"Please report it with the command you ran:\n{exception}",
        _ => exception.Message,
    };

    /// <summary>Runs a verb; an exception it throws is printed and mapped to its exit code.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> verb, Terminal terminal)
    {
        try
        {
            return await verb();
        }
        catch (Exception e)
        {
            terminal.Error.WriteLine(MessageFor(e));
            return (int)ExitCodeFor(e);
        }
    }
}
