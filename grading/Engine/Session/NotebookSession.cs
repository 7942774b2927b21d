using System.Diagnostics;
using System.Globalization;
using Markdig;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NotebookEngine.Analysis;

namespace NotebookEngine;

/// <summary>
/// One notebook's C# session on Roslyn scripting, run the way .NET Interactive's C# kernel runs it: one script state,
/// each cell chained with ContinueWithAsync, the same imports, references, directives, outputs and failure rules.
/// </summary>
/// <remarks>
/// While a session exists, Console.Out/Error are redirected for the whole process and the process's current directory
/// is the notebook's folder (as in VS Code, where relative paths in code resolve against it), so run one session at a
/// time per process. The grader runs each student's notebook in its own worker process.
/// </remarks>
public sealed class NotebookSession : IAsyncDisposable
{
    // What an interrupted cell reports, in the kernel's words.
    private const string Cancelled = "Command cancelled.";

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UseAdvancedExtensions()
        .Build();

    private readonly SessionOptions settings;
    private readonly RoutingWriter stdout;
    private readonly RoutingWriter stderr;
    private readonly PrecompiledChain? precompiled;
    private CellThread? cellThread;
    // Null in a precompiled session, which compiles nothing: Roslyn's compiler then never loads in a worker.
    private ScriptOptions? options;
    private ScriptState<object>? state;
    private string baseDirectory;
    private int running;

    private NotebookSession(
        SessionOptions settings,
        ScriptOptions? options,
        ScriptState<object>? state,
        PrecompiledChain? precompiled,
        RoutingWriter stdout,
        RoutingWriter stderr)
    {
        this.settings = settings;
        this.options = options;
        this.state = state;
        this.precompiled = precompiled;
        this.stdout = stdout;
        this.stderr = stderr;
        baseDirectory = settings.WorkingDirectory;
        Assistant = new CodeAssistant(() => new ScriptSnapshot(
            this.state?.Script ?? throw new InvalidOperationException(
                "A session of precompiled cells has no script to complete or inspect against: start one with " +
                "StartAsync for a front end."),
            this.options!));
    }

    /// <summary>Completion, inspection and is-complete checks that see every cell this session has run;
    /// they run nothing.</summary>
    public CodeAssistant Assistant { get; }

    /// <summary>The directives cells may use (also listed in the DNI101 error of an unknown one).</summary>
    public IReadOnlyList<string> SupportedDirectives => CellDirectives.Supported;

    private string callerDirectory = "";

    /// <summary>Starts a session: options, references, and the hidden first submission that imports the display
    /// helpers.</summary>
    /// <param name="settings">Working directory, per-cell timeout, output limit.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A ready session.</returns>
    /// <exception cref="DirectoryNotFoundException">The working directory does not exist.</exception>
    public static Task<NotebookSession> StartAsync(
        SessionOptions settings,
        CancellationToken cancellationToken = default) =>
        StartAsync(settings, kernelHelpers: null, cancellationToken);

    /// <summary>
    /// Starts a session that runs cells compiled elsewhere on a <see cref="ScriptChain"/> (see
    /// <see cref="ExecuteAsync(string, PrecompiledCell, CancellationToken)"/>) and never compiles: the grader's
    /// workers, whose notebooks the grader has compiled for its review already. Outputs, failures and limits are the
    /// same as a compiling session's.
    /// </summary>
    /// <param name="settings">Working directory, per-cell timeout, output limit.</param>
    /// <param name="kernelHelpers">The chain's hidden first submission
    /// (<see cref="ScriptChain.EmitKernelHelpers"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A ready session.</returns>
    /// <exception cref="DirectoryNotFoundException">The working directory does not exist.</exception>
    public static Task<NotebookSession> StartPrecompiledAsync(
        SessionOptions settings,
        PrecompiledCell kernelHelpers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kernelHelpers);
        return StartAsync(settings, kernelHelpers, cancellationToken);
    }

    private static async Task<NotebookSession> StartAsync(
        SessionOptions settings,
        PrecompiledCell? kernelHelpers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = Path.GetFullPath(settings.WorkingDirectory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The notebook's folder '{directory}' does not exist.");
        }

        // The real kernel resolves relative paths against the process's current directory, the notebook's folder.
        // The caller's directory comes back on dispose, so its own relative paths keep their meaning.
        var callerDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = directory;
        MimeFormatter.EnsureInstalled();
        ScriptOptions? options = null;
        ScriptState<object>? state = null;
        PrecompiledChain? precompiled = null;
        if (kernelHelpers is null)
        {
            options = KernelScriptOptions.Create(directory, settings.Optimize);
            state = await CSharpScript.RunAsync(
                KernelScriptOptions.HelpersSubmission,
                options,
                cancellationToken: cancellationToken);
        }
        else
        {
            precompiled = new PrecompiledChain(directory);
            var (run, ran) = precompiled.Prepare(kernelHelpers);
            await run();
            precompiled.Keep(ran);
        }

        var stdout = new RoutingWriter(Console.Out, "stdout");
        var stderr = new RoutingWriter(Console.Error, "stderr");
        Console.SetOut(stdout);
        Console.SetError(stderr);
        return new NotebookSession(
            settings with { WorkingDirectory = directory },
            options,
            state,
            precompiled,
            stdout,
            stderr)
        {
            callerDirectory = callerDirectory,
        };
    }

    /// <summary>
    /// Compiles and runs a throwaway submission so Roslyn and the formatters are loaded and jitted before the first
    /// timed cell (Roslyn's cold start is about a second). Touches neither the console nor the current directory.
    /// </summary>
    /// <returns>A task that completes when warm.</returns>
    public static async Task WarmUpAsync()
    {
        MimeFormatter.EnsureInstalled();
        var warm = await CSharpScript.RunAsync(
            KernelScriptOptions.HelpersSubmission,
            KernelScriptOptions.Create(Path.GetTempPath()));
        warm = await warm.ContinueWithAsync("new { Warm = 1 }");
        _ = MimeFormatter.Format(warm.ReturnValue, []);
    }

    /// <summary>Runs one cell and returns its outputs; a failure is reported, never thrown,
    /// and the session goes on.</summary>
    /// <param name="source">The cell's source.</param>
    /// <param name="cancellationToken">Stops waiting for the cell, reported as "Command cancelled." like the
    /// kernel.</param>
    /// <returns>What the cell produced.</returns>
    /// <exception cref="InvalidOperationException">Another cell of this session is still running.</exception>
    public Task<CellResult> ExecuteAsync(string source, CancellationToken cancellationToken = default) =>
        ExecuteAsync(source, listener: null, cancellationToken);

    /// <summary>
    /// Runs one cell of a session from <see cref="StartPrecompiledAsync"/>: directives, outputs and failures come from
    /// <paramref name="source"/> as in any session, the code from <paramref name="compiled"/>, compiled on a
    /// <see cref="ScriptChain"/> holding exactly the cells this session kept, in order.
    /// </summary>
    /// <param name="source">The cell's source.</param>
    /// <param name="compiled">The cell's code as compiled (<see cref="CompiledCell.Emit"/>); null when nothing of it is
    /// C#.</param>
    /// <param name="cancellationToken">Stops waiting for the cell, reported as "Command cancelled.".</param>
    /// <returns>What the cell produced.</returns>
    /// <exception cref="InvalidOperationException">The session compiles its own cells, or another cell still
    /// runs.</exception>
    public Task<CellResult> ExecuteAsync(
        string source,
        PrecompiledCell? compiled,
        CancellationToken cancellationToken = default)
    {
        if (precompiled is null)
        {
            throw new InvalidOperationException(
                "This session compiles its own cells: pass the source only, or start it with StartPrecompiledAsync.");
        }

        return ExecuteAsync(source, compiled, listener: null, cancellationToken);
    }

    /// <summary>
    /// Runs one cell, reporting each output to <paramref name="listener"/> as it happens (a live front end), and
    /// returns its outputs; a failure is reported, never thrown, and the session goes on.
    /// </summary>
    /// <param name="source">The cell's source.</param>
    /// <param name="listener">Hears outputs while the cell runs; null for none.</param>
    /// <param name="cancellationToken">
    /// Stops waiting for the cell (an interrupt), reported as "Command cancelled." like the kernel. The cell's thread
    /// cannot be aborted: code that ignores the token keeps running, writing nowhere, and the session goes on.
    /// </param>
    /// <returns>What the cell produced.</returns>
    /// <exception cref="InvalidOperationException">Another cell of this session is still running.</exception>
    public Task<CellResult> ExecuteAsync(
        string source,
        ICellOutputListener? listener,
        CancellationToken cancellationToken = default)
    {
        if (precompiled is not null)
        {
            throw new InvalidOperationException(
                "This session runs precompiled cells only: pass each cell's compiled form with its source.");
        }

        return ExecuteAsync(source, compiled: null, listener, cancellationToken);
    }

    private async Task<CellResult> ExecuteAsync(
        string source,
        PrecompiledCell? compiled,
        ICellOutputListener? listener,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Interlocked.Exchange(ref running, 1) == 1)
        {
            throw new InvalidOperationException(
                "A cell of this session is still running; cells run one at a time, in order.");
        }

        try
        {
            return await ExecuteCoreAsync(source, compiled, listener, cancellationToken);
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }

    /// <summary>Restores Console.Out and Console.Error.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        cellThread?.Abandon();
        Console.SetOut(stdout.Passthrough);
        Console.SetError(stderr.Passthrough);
        if (Directory.Exists(callerDirectory))
        {
            Environment.CurrentDirectory = callerDirectory;
        }

        return ValueTask.CompletedTask;
    }

    private async Task<CellResult> ExecuteCoreAsync(
        string source,
        PrecompiledCell? compiled,
        ICellOutputListener? listener,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var collector = new OutputCollector(settings.OutputLimitBytes, listener);
        var directives = CellDirectives.Parse(source);
        if (directives.Error is { } directiveError)
        {
            return Fail(collector, CellStatus.DirectiveError, directiveError, null, clock);
        }

        if (directives.Markdown)
        {
            // As the kernel's #!markdown: the cell renders as HTML and none of it runs.
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
            : await RunCodeAsync(directives.Code, compiled, collector, clock, cancellationToken);
        if (directives.Who is not null && state is null)
        {
            collector.Write("stderr", "#!who lists variables only in a session that compiles its own cells.\n");
        }
        else if (directives.Who is { } who && result.Status == CellStatus.Succeeded && state is { } current)
        {
            collector.Display(new DisplayDataOutput(
                new Dictionary<string, string> { ["text/html"] = VariableListing.ToHtml(current, who == "#!whos") },
                null));
        }

        if (directives.Time)
        {
            var wallTime = $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";
            collector.Display(
                new DisplayDataOutput(new Dictionary<string, string> { ["text/plain"] = wallTime }, null));
        }

        return result with { Outputs = collector.Close(), Elapsed = clock.Elapsed };
    }

    private async Task<CellResult> RunCodeAsync(
        string code,
        PrecompiledCell? compiled,
        OutputCollector collector,
        Stopwatch clock,
        CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Fail(collector, CellStatus.TimedOut, Cancelled, null, clock);
        }

        if (precompiled is not null && (compiled is null || compiled.CompileErrors is not null))
        {
            var errors = compiled?.CompileErrors
                ?? "(1,1): error DNI001: The cell came without its compiled form, and this session does not compile.";
            return Fail(collector, CellStatus.CompilationError, errors, null, clock, summary: errors.Split('\n')[0]);
        }

        FollowCurrentDirectory();
        // The cell's time limit covers its compile as well as its run, as in the kernel: a compile that never ends
        // (say, pathological generics) is cut like a loop that never ends, and an interrupt ends either.
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = Task.Delay(settings.CellTimeout, stopWaiting.Token);
        Func<Task<RanCell>>? step;
        try
        {
            step = precompiled is null
                ? await CompileWithinAsync(code, limit)
                : Load(precompiled, compiled!);
        }
        catch (Exception exception)
        {
            stopWaiting.Cancel(); // ends the limit's timer, which would otherwise run for the whole cell timeout
            return Failed(collector, exception, clock);
        }

        if (step is null)
        {
            return TimedOut(collector, clock, cancellationToken,
                " while still compiling: split a very long cell into smaller ones, or simplify deeply nested " +
                "generic code.");
        }

        var thread = cellThread ??= new CellThread("notebook cell");
        var run = thread.Run(async () =>
        {
            OutputCollector.Current.Value = collector;
            var ran = await step();
            // Formatted here, inside the time limit: formatting runs user code too (ToString, property getters).
            if (ran.Exception is null && ran.HasReturnValue)
            {
                collector.Result(
                    new DisplayDataOutput(MimeFormatter.FormatSafely(ran.ReturnValue), null),
                    ran.ReturnValue);
            }

            return ran;
        });

        if (await Task.WhenAny(run, limit) != run)
        {
            // A .NET thread cannot be aborted: the runaway cell keeps its thread until the process ends, but its
            // collector is closed, so it can no longer write into later cells. The session goes on from the last good
            // state, and its next cell runs on a new thread.
            thread.Abandon();
            cellThread = null;
            return TimedOut(collector, clock, cancellationToken, ": look for a loop that never ends.");
        }

        // Synchronously: CancelAsync would resume this method on the thread pool, a wake-up per cell.
        stopWaiting.Cancel();
        try
        {
            var ran = await run;
            ran.Keep();
            if (ran.Exception is { } exception)
            {
                return Fail(collector, CellStatus.RuntimeError, exception.ToString(), exception, clock);
            }

            return new CellResult(CellStatus.Succeeded, [], clock.Elapsed)
            {
                HasReturnValue = ran.HasReturnValue,
                ReturnValue = ran.HasReturnValue ? ran.ReturnValue : null,
            };
        }
        catch (Exception exception)
        {
            return Failed(collector, exception, clock);
        }
    }

    // A cell given up on: interrupted by the caller, or past its limit (then what to look for, after the seconds).
    private CellResult TimedOut(OutputCollector collector, Stopwatch clock, CancellationToken token, string hint)
    {
        var seconds = settings.CellTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var why = token.IsCancellationRequested ? Cancelled : $"Cell timed out after {seconds} s{hint}";
        return Fail(collector, CellStatus.TimedOut, why, null, clock);
    }

    // Code that did not compile, or Roslyn itself failing outside user code (say, a #r'd file that is not a .NET
    // assembly): still a failed cell, never an exception out of the session. The state stays as it was.
    private static CellResult Failed(OutputCollector collector, Exception exception, Stopwatch clock)
    {
        if (exception is CompilationErrorException compilation)
        {
            var errors = CompileErrors.Format(compilation);
            return Fail(collector, CellStatus.CompilationError, errors, null, clock, summary: errors.Split('\n')[0]);
        }

        return Fail(collector, CellStatus.RuntimeError, exception.ToString(), exception, clock);
    }

    // A thread-pool thread compiles the cell: on the cell thread, which is not the pool's, Roslyn's parallel compile of
    // method bodies went through the pool's global queue and woke idle workers spinning in sched_yield for every cell
    // (a probe of 60 cells: 1.6–1.9 s, with twice the system time, against 1.2 s). The cell's code runs on the cell
    // thread, off the pool, so a runaway cell never holds a thread the pool's timers need. A compile that outlasts the
    // limit is cancelled (Roslyn checks its token between steps) and its result left to the pool: null then.
    private async Task<Func<Task<RanCell>>?> CompileWithinAsync(string code, Task limit)
    {
        var stopCompiling = new CancellationTokenSource();
        var compiling = Task.Run(() => Compile(code, stopCompiling.Token));
        if (await Task.WhenAny(compiling, limit) == compiling)
        {
            stopCompiling.Dispose();
            return await compiling;
        }

        stopCompiling.Cancel();
        // The abandoned compile ends at Roslyn's next look at the token; its token source goes only then, and what it
        // threw is observed.
        _ = compiling.ContinueWith(
            abandoned =>
            {
                stopCompiling.Dispose();
                return abandoned.Exception;
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return null;
    }

    // Roslyn compiles the cell on the session's state here (what ScriptState.ContinueWithAsync does before it runs a
    // cell), and the returned step runs it; the state moves on when the session keeps the cell. A compile error throws
    // here.
    private Func<Task<RanCell>> Compile(string code, CancellationToken cancellationToken)
    {
        var (previous, cellOptions) = (state!, options!);
        var script = previous.Script.ContinueWith<object>(code, cellOptions);
        _ = script.CreateDelegate(cancellationToken); // compiles, and keeps the result for RunFromAsync below
        return async () =>
        {
            var next = await script.RunFromAsync(previous, catchException: _ => true, CancellationToken.None);
            return new RanCell(next.ReturnValue, ReturnValues.HasReturnValue(next), next.Exception, () => state = next);
        };
    }

    // The cell's assembly runs on a copy of the submission objects; the copy becomes the state when the session keeps
    // the cell. Loading is inside the cell's time as well.
    private static Func<Task<RanCell>> Load(PrecompiledChain chain, PrecompiledCell cell) => async () =>
    {
        var (run, ran) = chain.Prepare(cell);
        var task = run();
        // Not rethrown here, so the trace ends in the student's frames rather than in the engine's: a compiling session
        // shows Roslyn's runner as the last frame instead. As Roslyn's catchException, what the cell did is kept.
        await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var thrown = task.IsFaulted ? task.Exception.InnerException
            : task.IsCanceled ? new TaskCanceledException(task)
            : null;
        var value = task.IsCompletedSuccessfully ? task.Result : null;
        return new RanCell(value, cell.HasReturnValue, thrown, () => chain.Keep(ran));
    };

    // The kernel re-reads the current directory before every submission, so relative #r/#load follow a cell's cd.
    private void FollowCurrentDirectory()
    {
        string current;
        try
        {
            current = Environment.CurrentDirectory;
        }
        catch (IOException)
        {
            return; // A cell deleted it; keep resolving against the last good folder.
        }

        if (current != baseDirectory)
        {
            baseDirectory = current;
            options = options?.WithBaseDirectory(current);
        }
    }

    private string? AddPackages(IReadOnlyList<PackageRequest> packages, OutputCollector collector)
    {
        var packagesAdded = CellPackages.Add(options, packages);
        options = packagesAdded.Options;
        foreach (var (_, resolution) in packagesAdded.Added)
        {
            if (resolution.Note is { } note)
            {
                collector.Write("stderr", note);
            }
        }

        if (packagesAdded.Error is not null)
        {
            return packagesAdded.Error;
        }

        // The real kernel shows what it installed; the same HTML keeps saved notebooks alike.
        var items = string.Concat(packagesAdded.Added.Select(p =>
            $"<li><span>{System.Net.WebUtility.HtmlEncode($"{p.Request.Name}, {p.Resolution.Version}")}</span></li>"));
        collector.Display(new DisplayDataOutput(new Dictionary<string, string>
        {
            ["text/html"] =
                $"<div><div></div><div></div><div><strong>Installed Packages</strong><ul>{items}</ul></div></div>",
        }, null));
        return null;
    }

    private static CellResult Fail(
        OutputCollector collector,
        CellStatus status,
        string message,
        Exception? exception,
        Stopwatch clock,
        string? summary = null)
    {
        collector.Add(ErrorOutput.From(message));
        return new CellResult(status, collector.Close(), clock.Elapsed)
        {
            Failure = new CellFailure(status, summary ?? exception?.Message ?? message, exception?.GetType().FullName),
        };
    }
}
