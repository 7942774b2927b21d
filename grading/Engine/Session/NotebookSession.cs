using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Markdig;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookEngine;

/// <summary>
/// One notebook's C# session on Roslyn scripting, run the way .NET Interactive's C# kernel runs it: one script state,
/// each cell chained with ContinueWithAsync, the same imports, references, directives, outputs and failure rules.
/// </summary>
/// <remarks>
/// Console.Out/Error are redirected for the whole process while a session exists, and the working directory is the
/// notebook's folder (as in VS Code), so run one session at a time per process; the grader runs each student's
/// notebook in its own worker process.
/// </remarks>
public sealed class NotebookSession : IAsyncDisposable
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseMathematics().UseAdvancedExtensions().Build();
    private static readonly MethodInfo? HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly SessionOptions settings;
    private readonly TextWriter originalOut;
    private readonly TextWriter originalError;
    private ScriptOptions options;
    private ScriptState<object> state;

    private NotebookSession(SessionOptions settings, ScriptOptions options, ScriptState<object> state, TextWriter originalOut, TextWriter originalError)
    {
        this.settings = settings;
        this.options = options;
        this.state = state;
        this.originalOut = originalOut;
        this.originalError = originalError;
    }

    /// <summary>The directives cells may use.</summary>
    public IReadOnlyList<string> SupportedDirectives => CellDirectives.Supported;

    /// <summary>Starts a session: options, references, and the hidden first submission that imports the display helpers.</summary>
    /// <param name="settings">Working directory, per-cell timeout, output limit.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A ready session.</returns>
    /// <exception cref="DirectoryNotFoundException">The working directory does not exist.</exception>
    public static async Task<NotebookSession> StartAsync(SessionOptions settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = Path.GetFullPath(settings.WorkingDirectory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The notebook's folder '{directory}' does not exist.");
        }

        // The real kernel resolves relative paths against the process's current directory, the notebook's folder.
        Environment.CurrentDirectory = directory;
        MimeFormatter.EnsureInstalled();
        var options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithAllowUnsafe(true)
            .WithEmitDebugInformation(false)
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithImports("System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq")
            // As assemblies, not paths: their dependencies (System.Text.Json, System.Net.Http, …) become visible too.
            .AddReferences(typeof(Enumerable).Assembly, typeof(object).Assembly,
                typeof(Microsoft.DotNet.Interactive.Kernel).Assembly,
                typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory))
            .WithSourceResolver(new SourceFileResolver([], directory));

        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(new RoutingWriter(originalOut, "stdout"));
        Console.SetError(new RoutingWriter(originalError, "stderr"));
        var state = await CSharpScript.RunAsync("using static Microsoft.DotNet.Interactive.Kernel;", options, cancellationToken: cancellationToken);
        return new NotebookSession(settings with { WorkingDirectory = directory }, options, state, originalOut, originalError);
    }

    /// <summary>Runs one cell and returns its outputs; a failure is reported, never thrown, and the session goes on.</summary>
    /// <param name="source">The cell's source.</param>
    /// <param name="cancellationToken">Cancels waiting for the cell (reported like a timeout).</param>
    /// <returns>What the cell produced.</returns>
    public async Task<CellResult> ExecuteAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var clock = Stopwatch.StartNew();
        var collector = new OutputCollector(settings.OutputLimitBytes);
        var directives = CellDirectives.Parse(source);
        if (directives.Error is { } directiveError)
        {
            return Fail(collector, CellStatus.DirectiveError, directiveError, null, clock);
        }

        if (directives.Markdown)
        {
            var html = Markdig.Markdown.ToHtml(directives.Code.Trim(), Markdown);
            collector.Display(new DisplayDataOutput(new Dictionary<string, string> { ["text/html"] = html }, null));
            return new CellResult(CellStatus.Succeeded, collector.Close(), clock.Elapsed);
        }

        if (directives.Packages.Count > 0 && AddPackages(directives.Packages, collector) is { } packageError)
        {
            return Fail(collector, CellStatus.DirectiveError, packageError, null, clock);
        }

        var result = string.IsNullOrWhiteSpace(directives.Code)
            ? new CellResult(CellStatus.Succeeded, [], TimeSpan.Zero)
            : await RunCodeAsync(directives.Code, collector, clock, cancellationToken);
        if (directives.Who is { } who && result.Status == CellStatus.Succeeded)
        {
            collector.Display(new DisplayDataOutput(new Dictionary<string, string> { ["text/html"] = Variables(who == "#!whos") }, null));
        }

        if (directives.Time)
        {
            var wallTime = $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";
            collector.Display(new DisplayDataOutput(new Dictionary<string, string> { ["text/plain"] = wallTime }, null));
        }

        return result with { Outputs = collector.Close(), Elapsed = clock.Elapsed };
    }

    /// <summary>Restores Console.Out and Console.Error.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Console.SetOut(originalOut);
        Console.SetError(originalError);
        return ValueTask.CompletedTask;
    }

    private async Task<CellResult> RunCodeAsync(string code, OutputCollector collector, Stopwatch clock, CancellationToken cancellationToken)
    {
        // Task.Run so a cell that never yields (while (true) {}) cannot block us; the collector flows into it.
        OutputCollector.Current.Value = collector;
        Task<ScriptState<object>> run;
        try
        {
            run = Task.Run(() => state.ContinueWithAsync(code, options, catchException: _ => true, CancellationToken.None), CancellationToken.None);
        }
        finally
        {
            OutputCollector.Current.Value = null;
        }

        var finished = await Task.WhenAny(run, Task.Delay(settings.CellTimeout, cancellationToken)).ContinueWith(t => t.Result, TaskScheduler.Default);
        if (finished != run)
        {
            // A .NET thread cannot be aborted: the runaway cell keeps its thread until the process ends, but its
            // collector is closed, so it can no longer write into later cells. The session continues from the last good state.
            var why = cancellationToken.IsCancellationRequested ? "Command cancelled."
                : $"Cell timed out after {settings.CellTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: look for a loop that never ends.";
            return Fail(collector, CellStatus.TimedOut, why, null, clock);
        }

        try
        {
            var next = await run;
            state = next;
            if (next.Exception is { } exception)
            {
                return Fail(collector, CellStatus.RuntimeError, exception.ToString(), exception, clock);
            }

            var hasReturnValue = HasReturnValueMethod?.Invoke(next.Script, null) is true;
            if (hasReturnValue)
            {
                collector.Display(new DisplayDataOutput(MimeFormatter.Format(next.ReturnValue, []), null));
            }

            return new CellResult(CellStatus.Succeeded, [], clock.Elapsed) { HasReturnValue = hasReturnValue, ReturnValue = hasReturnValue ? next.ReturnValue : null };
        }
        catch (CompilationErrorException compilation)
        {
            var errors = string.Join(Environment.NewLine, compilation.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
            return Fail(collector, CellStatus.CompilationError, errors, null, clock);
        }
    }

    private string? AddPackages(IReadOnlyList<PackageRequest> packages, OutputCollector collector)
    {
        var installed = new List<string>();
        foreach (var package in packages)
        {
            var (assemblies, version, error) = OfflinePackages.Resolve(package);
            if (error is not null)
            {
                return error;
            }

            options = options.AddReferences(assemblies);
            installed.Add($"{package.Name}, {version}");
        }

        // The real kernel shows what it installed; the same HTML keeps saved notebooks alike.
        var items = string.Concat(installed.Select(p => $"<li><span>{p}</span></li>"));
        collector.Display(new DisplayDataOutput(new Dictionary<string, string>
        {
            ["text/html"] = $"<div><div></div><div></div><div><strong>Installed Packages</strong><ul>{items}</ul></div></div>",
        }, null));
        return null;
    }

    private string Variables(bool detailed)
    {
        var variables = state.Variables.GroupBy(v => v.Name).Select(g => g.Last()).ToArray();
        if (!detailed)
        {
            return "<div>" + string.Join("\t ", variables.Select(v => System.Net.WebUtility.HtmlEncode(v.Name))) + "</div>";
        }

        var rows = variables.Select(v => $"<tr><td>{System.Net.WebUtility.HtmlEncode(v.Name)}</td><td>{System.Net.WebUtility.HtmlEncode(v.Type.Name)}</td>" +
                                         $"<td>{System.Net.WebUtility.HtmlEncode(v.Value?.ToString() ?? "<null>")}</td></tr>");
        return "<table><thead><tr><th>Variable</th><th>Type</th><th>Value</th></tr></thead><tbody>" + string.Concat(rows) + "</tbody></table>";
    }

    private static CellResult Fail(OutputCollector collector, CellStatus status, string message, Exception? exception, Stopwatch clock)
    {
        collector.Add(ErrorOutput.From(message));
        var summary = exception?.Message ?? message;
        return new CellResult(status, collector.Close(), clock.Elapsed)
        {
            Failure = new CellFailure(status, summary, exception?.GetType().FullName),
        };
    }
}
