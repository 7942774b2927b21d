namespace Grading.Cli;

/// <summary>
/// An input a verb was given cannot be used (a gradebook that is not one, a folder that is not an autograde output);
/// the message says what, where, and how to fix it. <see cref="CliErrorPolicy"/> turns it into
/// <see cref="ExitCode.InputError"/>.
/// </summary>
internal sealed class InputException(string message) : Exception(message);
