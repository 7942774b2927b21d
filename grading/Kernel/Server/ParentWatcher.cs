using System.Diagnostics;

namespace NotebookKernel.Server;

/// <summary>Ends the kernel when the client that started it dies (JPY_PARENT_PID), as ipykernel does,
/// so no kernel is orphaned.</summary>
internal static class ParentWatcher
{
    /// <summary>Polls the parent once a second and cancels <paramref name="stopping"/> when it is gone.</summary>
    public static void Start(CancellationTokenSource stopping)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var pid) || pid <= 1)
        {
            return;
        }

        var watcher = new Thread(() =>
        {
            while (!stopping.IsCancellationRequested)
            {
                if (!IsAlive(pid))
                {
                    KernelLog.Write($"parent process {pid} is gone: shutting down");
                    stopping.Cancel();
                    return;
                }

                Thread.Sleep(1000);
            }
        });
        watcher.IsBackground = true;
        watcher.Name = "parent watcher";
        watcher.Start();
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
