namespace NotebookEngine;

/// <summary>
/// Starts a cell on a thread of its own. A cell that never yields (<c>while (true) { }</c>) then holds that thread
/// only, not a thread-pool thread the session needs; .NET cannot abort it, so it runs until the process ends.
/// </summary>
internal static class DedicatedThread
{
    /// <summary>Runs <paramref name="work"/> on a new background thread;
    /// the caller's execution context flows in.</summary>
    public static Task<T> Run<T>(Func<Task<T>> work, string name)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                // Synchronous user code runs right here; once it awaits, continuations go to the thread pool.
                var task = work();
                task.ContinueWith(t =>
                {
                    if (t.IsFaulted)
                    {
                        completion.TrySetException(t.Exception!.InnerExceptions);
                    }
                    else if (t.IsCanceled)
                    {
                        completion.TrySetCanceled();
                    }
                    else
                    {
                        completion.TrySetResult(t.Result);
                    }
                }, TaskScheduler.Default);
            }
            catch (Exception exception)
            {
                completion.TrySetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return completion.Task;
    }
}
