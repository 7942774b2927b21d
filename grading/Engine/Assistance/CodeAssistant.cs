using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookEngine;

/// <summary>
/// Code assistance for a session (Jupyter's complete, inspect and is_complete): the code at hand is compiled as the
/// session's next submission, after every executed cell, and read through Roslyn's semantic model. Nothing runs.
/// </summary>
/// <remarks>
/// Indices are UTF-16 offsets into the code (a C# string index); a Jupyter kernel converts its code-point cursors.
/// Safe to call from any thread, also while a cell runs: it reads the state of the last cell that finished.
/// </remarks>
public sealed class CodeAssistant
{
    private static readonly CSharpParseOptions ScriptParsing = CSharpParseOptions.Default
        .WithKind(SourceCodeKind.Script)
        .WithLanguageVersion(LanguageVersion.Latest);

    private readonly Func<ScriptSnapshot> snapshot;
    private readonly DocumentationFiles documentation = new();

    internal CodeAssistant(Func<ScriptSnapshot> snapshot) => this.snapshot = snapshot;

    /// <summary>The names that can complete the identifier at <paramref name="cursor"/>.</summary>
    /// <param name="code">The cell being edited.</param>
    /// <param name="cursor">UTF-16 index of the cursor in <paramref name="code"/>, 0 to <c>code.Length</c>.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>
    /// After a dot, the members of what is left of it (static ones after a type, instance ones and extension methods
    /// after a value); elsewhere every name in scope and the C# keywords. Filtered by the typed prefix,
    /// case-insensitive; empty inside comments and strings.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">The cursor lies outside the code.</exception>
    public Task<CompletionList> CompleteAsync(string code, int cursor, CancellationToken cancellationToken = default)
    {
        CheckCursor(code, cursor);
        return Task.Run(
            () => CompletionFinder.Find(SubmissionDocument.Create(snapshot(), code), code, cursor, cancellationToken),
            cancellationToken);
    }

    /// <summary>Describes the symbol at or just before <paramref name="cursor"/>,
    /// or the method whose call the cursor is in.</summary>
    /// <param name="code">The cell being edited.</param>
    /// <param name="cursor">UTF-16 index of the cursor in <paramref name="code"/>, 0 to <c>code.Length</c>.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>Its signature (every overload of a method group) and XML-doc summary;
    /// null when no symbol is there.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cursor lies outside the code.</exception>
    public Task<Inspection?> InspectAsync(string code, int cursor, CancellationToken cancellationToken = default)
    {
        CheckCursor(code, cursor);
        return Task.Run(
            () => SymbolInspector.Inspect(
                SubmissionDocument.Create(snapshot(), code),
                cursor,
                documentation,
                cancellationToken),
            cancellationToken);
    }

    /// <summary>Whether <paramref name="code"/> is a whole submission, the start of one,
    /// or one that cannot compile.</summary>
    /// <param name="code">What the user has typed so far.</param>
    /// <returns>
    /// <see cref="SubmissionCompleteness.Incomplete"/> when Roslyn's script parser says more must follow (an open
    /// block, call or string), <see cref="SubmissionCompleteness.Invalid"/> when it is whole but has syntax errors,
    /// else <see cref="SubmissionCompleteness.Complete"/>. Kernel directive lines (<c>#!time</c>,
    /// <c>#r "nuget:…"</c>) count as complete.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public static SubmissionCompleteness Classify(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var tree = CSharpSyntaxTree.ParseText(DirectiveMask.Apply(code), ScriptParsing);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            return SubmissionCompleteness.Incomplete;
        }

        return tree.GetDiagnostics().Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            ? SubmissionCompleteness.Invalid
            : SubmissionCompleteness.Complete;
    }

    /// <summary>
    /// Runs one completion, one inspection (with framework docs) and one classification against the session, so
    /// Roslyn's binder and the documentation files are loaded before a user waits on them (a cold first call takes
    /// about a second; jupyter console waits 1 s for is_complete). Call it once the kernel is idle after start.
    /// </summary>
    /// <param name="cancellationToken">Stops the warm-up.</param>
    /// <returns>A task that completes when warm.</returns>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        // Instance members, extension methods, static members and names in scope take different paths
        // through the binder.
        const string Sample = "var warm = new List<int>();\nwarm.Ad";
        _ = Classify("for (var i = 0; i < 3; i++) {");
        _ = await CompleteAsync(Sample, Sample.Length, cancellationToken);
        _ = await CompleteAsync("string.Is", "string.Is".Length, cancellationToken);
        _ = await CompleteAsync("Con", "Con".Length, cancellationToken);
        // Console's docs are in System.Console.xml, Math's in the 7 MB System.Runtime.xml: both get indexed now.
        _ = await InspectAsync("Console.WriteLine(Math.Sqrt(2))", "Console.Write".Length, cancellationToken);
        _ = await InspectAsync(
            "Console.WriteLine(Math.Sqrt(2))",
            "Console.WriteLine(Math.Sq".Length,
            cancellationToken);
    }

    private static void CheckCursor(string code, int cursor)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (cursor < 0 || cursor > code.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(cursor), cursor,
                $"The cursor must be a UTF-16 index into the code, from 0 to {code.Length}; " +
                "a Jupyter cursor_pos counts code points and must be converted first.");
        }
    }
}
