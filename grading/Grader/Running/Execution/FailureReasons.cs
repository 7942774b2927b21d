using NotebookEngine;

namespace Grading.Running.Execution;

/// <summary>The one-line, student-facing reason a cell failed: a stub to fill in, a check's message, the
/// error.</summary>
internal static class FailureReasons
{
    public const string Stub = "Not implemented yet: replace `throw new NotImplementedException();` with your code.";

    public static string For(CellResult result) => result.Failure switch
    {
        null => "",
        { ExceptionType: "System.NotImplementedException" } => Stub,
        { Kind: CellStatus.CompilationError, Message: var message } =>
            "Does not compile: " + message.Split('\n')[0].Trim(),
        { Message: var message } => message.Split('\n')[0].Trim(),
    };
}
