using Spectre.Console;

namespace Grading.Cli;

/// <summary>
/// Where the grader writes: plain text to <see cref="Out"/> and <see cref="Error"/>, tables and progress to
/// <see cref="Console"/>. Injected, so tests run every verb against a fixed-width fake console.
/// </summary>
internal sealed record Terminal(TextWriter Out, TextWriter Error, IAnsiConsole Console)
{
    /// <summary>The real process console, with colours and live progress when it is a terminal.</summary>
    public static Terminal FromConsole() =>
        new(System.Console.Out, System.Console.Error, AnsiConsole.Console);

    /// <summary>A console for tests and redirected runs: no colour, no live widgets, a fixed width.</summary>
    public static Terminal Plain(TextWriter output, TextWriter error, int width = 100)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return new Terminal(output, error, console);
    }
}
