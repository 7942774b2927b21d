using System.Text.Json.Nodes;
using NotebookEngine;
using NotebookKernel.Server;
using NotebookKernel.Wire;

namespace NotebookKernel.Handlers;

/// <summary>
/// execute_request over the notebook session: the execution counter, execute_input, live outputs, exactly one error
/// per failure, the reply, history, and interrupts.
/// </summary>
internal sealed class ExecuteHandler(
    Task<NotebookSession> session,
    IopubPublisher iopub,
    StdinChannel stdin,
    History history)
{
    private readonly Lock gate = new();
    private CancellationTokenSource? running;

    /// <summary>The current execution count (the last store_history execution's number).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The session, once started (null while Roslyn warms up or if it failed to start).</summary>
    public NotebookSession? ReadySession => session.IsCompletedSuccessfully ? session.Result : null;

    /// <summary>Runs the cell and returns the reply content; <paramref name="failed"/> tells whether queued cells must
    /// be aborted.</summary>
    public JsonObject Execute(JupyterMessage request, out bool failed)
    {
        var code = request.Text("code");
        var silent = request.Flag("silent", false);
        var storeHistory = !silent && request.Flag("store_history", true);
        if (storeHistory)
        {
            ExecutionCount++;
        }

        var count = ExecutionCount;
        if (!silent)
        {
            iopub.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);
        }

        using var interrupt = new CancellationTokenSource();
        lock (gate)
        {
            running = interrupt;
        }

        var listener = silent ? null : new IopubOutputListener(iopub, request, count);
        stdin.Begin(request, request.Flag("allow_stdin", true), interrupt.Token);
        CellResult result;
        try
        {
            result = RunAsync(code, listener, interrupt.Token).GetAwaiter().GetResult();
        }
        finally
        {
            stdin.End();
            lock (gate)
            {
                running = null;
            }
        }

        iopub.Flush();
        if (storeHistory)
        {
            history.Add(count, code, listener?.ResultText);
        }

        if (result.Failure is not { } failure)
        {
            failed = false;
            return new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = count,
                ["payload"] = new JsonArray(),
                ["user_expressions"] = new JsonObject(),
            };
        }

        failed = true;
        var error = ErrorContent(result, failure, interrupt.IsCancellationRequested);
        if (!silent)
        {
            iopub.Publish("error", error.DeepClone().AsObject(), request);
        }

        error["status"] = "error";
        error["execution_count"] = count;
        return error;
    }

    /// <summary>Interrupts the running cell, if any: it ends with an error reply at once,
    /// even if its code ignores the request.</summary>
    public void Interrupt()
    {
        lock (gate)
        {
            running?.Cancel();
        }
    }

    private async Task<CellResult> RunAsync(string code, ICellOutputListener? listener, CancellationToken interrupt)
    {
        NotebookSession ready;
        try
        {
            ready = await session.WaitAsync(interrupt);
        }
        catch (OperationCanceledException)
        {
            return Failed(CellStatus.TimedOut, "Command cancelled.", null);
        }
        catch (Exception exception)
        {
            // Every execute_request gets a reply: a client waits for it forever otherwise.
            return Failed(
                CellStatus.RuntimeError,
                $"The notebook engine could not start: {exception.GetBaseException().Message}. Restart the kernel.",
                exception);
        }

        if (code.Contains("TensorLab.dll", StringComparison.Ordinal))
        {
            EnsureTensorLabBuilt();
        }

        return await ready.ExecuteAsync(code, listener, interrupt);
    }

    private static CellResult Failed(CellStatus status, string message, Exception? exception) =>
        new(status, [ErrorOutput.From(message)], TimeSpan.Zero)
        {
            Failure = new CellFailure(status, message, exception?.GetType().FullName),
        };

    // As `run` does: a kernel started in a fresh clone builds lib/bin/TensorLab.dll before the cell that loads it.
    private void EnsureTensorLabBuilt()
    {
        try
        {
            LibraryBuild.EnsureBuilt(Environment.CurrentDirectory);
        }
        catch (Exception exception)
            when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            // The cell then fails on its #r with the engine's own message; this says why the file is missing.
            KernelLog.Write($"TensorLab build: {exception.Message}");
        }
    }

    // Jupyter's error: ename/evalue/traceback. The traceback is the engine's message, as the grader shows it.
    private static JsonObject ErrorContent(CellResult result, CellFailure failure, bool interrupted)
    {
        var traceback = result.Outputs.OfType<ErrorOutput>().LastOrDefault()?.Traceback ?? failure.Message.Split('\n');
        var (name, value) = failure.Kind switch
        {
            CellStatus.CompilationError => ("CompilationError", failure.Message),
            CellStatus.DirectiveError => ("DirectiveError", failure.Message.Split('\n')[0]),
            CellStatus.TimedOut when interrupted => ("OperationCanceledException", "Execution interrupted"),
            CellStatus.TimedOut => ("TimeoutException", failure.Message),
            _ => (failure.ExceptionType?.Split('.')[^1] ?? "Exception", failure.Message),
        };
        return new JsonObject
        {
            ["ename"] = name,
            ["evalue"] = TextSanitizer.WellFormed(value),
            ["traceback"] = new JsonArray(
                traceback.Select(line => (JsonNode?)TextSanitizer.WellFormed(line)).ToArray()),
        };
    }
}
