using System.Collections.Concurrent;

namespace NotebookEngine;

/// <summary>
/// The thread a session's cells run on, one cell at a time. A cell that never yields (<c>while (true) { }</c>) holds
/// this thread only, not a thread-pool thread the session needs; .NET cannot abort it, so the session abandons it and
/// the next cell gets a new one.
/// </summary>
/// <remarks>
/// The thread is kept from cell to cell, and whoever awaits a cell resumes on it (no
/// <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>): a thread per cell, woken and handed back through
/// the thread pool, cost several wake-ups per cell, which on a busy 2-core machine made the engine about 1.4× slower
/// than a bare Roslyn chain at 60 cells. Now the next cell is queued from this very thread and taken without waiting.
/// A caller must therefore not block this thread on a later cell of the same session (await it instead).
/// </remarks>
internal sealed class CellThread
{
    private readonly BlockingCollection<Action> queue = [];

    /// <summary>Starts the thread; it waits for work.</summary>
    /// <param name="name">The thread's name, seen in debuggers and dumps.</param>
    public CellThread(string name)
    {
        var thread = new Thread(() =>
        {
            foreach (var work in queue.GetConsumingEnumerable())
            {
                work();
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on this thread, in the caller's execution context.</summary>
    /// <exception cref="InvalidOperationException">The thread was abandoned.</exception>
    public Task<T> Run<T>(Func<Task<T>> work)
    {
        var completion = new TaskCompletionSource<T>();
        var context = ExecutionContext.Capture();
        queue.Add(() =>
        {
            if (context is null)
            {
                Start(work, completion);
            }
            else
            {
                ExecutionContext.Run(context, _ => Start(work, completion), null);
            }
        });
        return completion.Task;
    }

    /// <summary>
    /// Takes no more work: the thread ends once the cell on it (if any) returns, or never, if that cell never does.
    /// </summary>
    public void Abandon() => queue.CompleteAdding();

    private static void Start<T>(Func<Task<T>> work, TaskCompletionSource<T> completion)
    {
        try
        {
            // Synchronous user code runs right here; once it awaits, continuations go to the thread pool.
            work().ContinueWith(task =>
            {
                if (task.IsFaulted)
                {
                    completion.TrySetException(task.Exception!.InnerExceptions);
                }
                else if (task.IsCanceled)
                {
                    completion.TrySetCanceled();
                }
                else
                {
                    completion.TrySetResult(task.Result);
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        catch (Exception exception)
        {
            completion.TrySetException(exception);
        }
    }
}
