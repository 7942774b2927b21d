using System.Runtime.InteropServices;
using Grading.Cli;
using Grading.Running.Isolation;

namespace Grading.Tests;

/// <summary>
/// The sandbox seen from inside, as a hostile student would probe it (findings 10-12 of the red-team pass): each probe
/// is a cell run by a real worker under the default limits, and prints what it managed to do.
/// </summary>
public class SandboxTests
{
    private const string MarkerName = "inherited-fd-marker";

    private static readonly string[] Probes =
    [
        """Console.WriteLine("uid: " + """ +
        """System.IO.File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("Uid:")).Split('\t')[1]);""",
        """try { System.IO.File.ReadAllText("/etc/shadow"); Console.WriteLine("shadow: READ"); } """ +
        """catch (Exception e) { Console.WriteLine("shadow: " + e.GetType().Name); }""",
        """Console.WriteLine("etc: " + string.Join(" ", """ +
        """System.IO.Directory.GetFileSystemEntries("/etc").Select(System.IO.Path.GetFileName).Order()));""",
        """Console.WriteLine("mountinfo: " + System.IO.File.ReadAllText("/proc/self/mountinfo"));""",
        """Console.WriteLine("fds: " + string.Join(" ", System.IO.Directory.GetFiles("/proc/self/fd").Select(""" +
        """f => { try { return new System.IO.FileInfo(f).LinkTarget; } catch (Exception) { return "?"; } })));""",
        """try { System.IO.File.WriteAllText("../lib/bin/TensorLab.dll", "fake"); """ +
        """Console.WriteLine("library: WRITTEN"); } """ +
        """catch (Exception e) { Console.WriteLine("library: " + e.GetType().Name); }""",
        """try { System.IO.Directory.Move("../lib", "../lib2"); Console.WriteLine("library folder: MOVED"); } """ +
        """catch (Exception e) { Console.WriteLine("library folder: " + e.GetType().Name); }""",
        """try { var p = System.Runtime.InteropServices.Marshal.AllocHGlobal((nint)(3L * 1024 * 1024 * 1024)); """ +
        """Console.WriteLine("native: ALLOCATED"); } """ +
        """catch (OutOfMemoryException) { Console.WriteLine("native: refused"); }""",
        """
        var started = new List<System.Diagnostics.Process>();
        string outcome;
        try
        {
            for (var i = 0; i < 1000; i++) started.Add(System.Diagnostics.Process.Start("/bin/sleep", "30")!);
            outcome = "processes: ALL STARTED";
        }
        catch (Exception e) { outcome = $"processes: refused after {started.Count} ({e.GetType().Name})"; }
        foreach (var p in started) { try { p.Kill(); p.WaitForExit(); } catch (Exception) { } }
        Console.WriteLine(outcome);
        """,
        """
        long written = 0;
        string result;
        try
        {
            using (var f = System.IO.File.Create("big.bin"))
            {
                var block = new byte[1 << 20];
                for (var i = 0; i < 1024; i++) { f.Write(block); written += block.Length; }
                f.Flush();
            }
            result = "file: 1 GB WRITTEN";
        }
        catch (Exception e) { result = $"file: refused after {written >> 20} MB ({e.GetType().Name})"; }
        System.IO.File.Delete("big.bin");
        Console.WriteLine(result);
        """,
        """
        static class Native
        {
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
            public static extern long ptrace(long request, int pid, nint address, nint data);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
            public static extern int unshare(int flags);
        }
        var traced = Native.ptrace(0, 0, 0, 0);
        var tracedErrno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        var unshared = Native.unshare(0x10000000);
        var unsharedErrno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        Console.WriteLine($"ptrace: {traced} errno {tracedErrno}; unshare: {unshared} errno {unsharedErrno}");
        """,
    ];

    [BubblewrapFact]
    public async Task UnderTheDefaultLimits_TheSandboxHidesHostSecrets_AndCapsMemoryProcessesAndFiles()
    {
        var marker = Path.Combine(Fixture.TempFolder(), MarkerName);
        var inherited = OpenInheritable(marker);
        try
        {
            using var scratch = WorkerScratch.Create(typeof(WorkerScratch).Assembly.Location);
            var run = await new WorkerClient(WorkerLimits.Default, sandboxed: true)
                .RunAsync(scratch, Probes.Select((source, index) => (index, source)).ToList(), CancellationToken.None);
            var printed = string.Join(
                "\n", run.Cells.Select(c => $"[{c.Index} {c.Status}] {SingleCellWorker.Printed(c)}"));

            Assert.Null(run.Death);
            Assert.Contains("uid: 65534", printed);
            Assert.Contains("shadow: FileNotFoundException", printed);
            Assert.Contains("etc: group ld.so.cache", printed);
            var etc = printed.Split('\n').Single(line => line.Contains("etc: ", StringComparison.Ordinal));
            Assert.DoesNotContain("shadow", etc);
            Assert.DoesNotContain("ssl", etc);
            var mountinfo = SingleCellWorker.Printed(run.Cells[3]);
            Assert.Contains(" /sandbox ", mountinfo);
            Assert.DoesNotContain(RepositoryPaths.Root, mountinfo);
            Assert.DoesNotContain(MarkerName, SingleCellWorker.Printed(run.Cells[4]));
            Assert.Contains("library: UnauthorizedAccessException", printed);
            Assert.Contains("library folder: IOException", printed);
            Assert.Contains("native: refused", printed);
            Assert.Matches(@"processes: refused after \d+ \(Win32Exception\)", printed);
            Assert.Matches(@"file: refused after \d+ MB \(IOException\)", printed);
            Assert.Contains("ptrace: -1 errno 1; unshare: -1 errno 1", printed);
        }
        finally
        {
            Close(inherited);
        }
    }

    [BubblewrapFact]
    public async Task ACellOfFortySeconds_UnderASixtySecondTimeout_Succeeds_ThoughTheThreadPoolRetiresIdleThreads()
    {
        using var scratch = WorkerScratch.Create(null);
        var limits = WorkerLimits.Default with { CellTimeout = TimeSpan.FromSeconds(60) };
        var run = await new WorkerClient(limits, sandboxed: true)
            .RunAsync(scratch, [(0, "System.Threading.Thread.Sleep(40_000);"), (1, "1 + 1")], CancellationToken.None);

        Assert.Null(run.Death);
        Assert.All(run.Cells, cell => Assert.Equal(WorkerCellStatus.Succeeded, cell.Status));
        Assert.InRange(run.Total.TotalSeconds, 40, 120);
    }

    /// <summary>
    /// The grader stops a sandboxed worker by killing bubblewrap alone, not by walking the host's process table: the
    /// worker's PID namespace must take a process the student started with it, whether the notebook ended or the
    /// grader had to stop a cell that would not.
    /// </summary>
    [BubblewrapFact]
    public Task AProcessAStudentStartsInTheSandbox_DiesWithTheWorker_WhenTheNotebookEnds() =>
        StartedProcessDiesWithTheWorker("1 + 1", WorkerCellStatus.Succeeded);

    /// <summary>The same when the grader stops the worker because a later cell would not end.</summary>
    [BubblewrapFact]
    public Task AProcessAStudentStartsInTheSandbox_DiesWithTheWorker_WhenACellTimesOut() =>
        StartedProcessDiesWithTheWorker("while (true) { }", WorkerCellStatus.TimedOut);

    private static async Task StartedProcessDiesWithTheWorker(string lastCell, WorkerCellStatus lastStatus)
    {
        using var scratch = WorkerScratch.Create(null);
        var token = $"600.{Random.Shared.Next(100_000, 999_999)}";
        var limits = WorkerLimits.Default with { CellTimeout = TimeSpan.FromSeconds(2) };
        var run = await new WorkerClient(limits, sandboxed: true).RunAsync(
            scratch,
            [(0, $"System.Diagnostics.Process.Start(\"/bin/sleep\", \"{token}\");"), (1, lastCell)],
            CancellationToken.None);

        Assert.Equal(WorkerCellStatus.Succeeded, run.Cells[0].Status);
        Assert.Equal(lastStatus, run.Cells[1].Status);
        // The namespace is torn down just after the kill returns: give the kernel a moment, not the benefit of a doubt.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (HostProcessesMentioning(token).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Empty(HostProcessesMentioning(token));
    }

    private static List<string> HostProcessesMentioning(string text) =>
        Directory.EnumerateDirectories("/proc")
            .Where(folder => int.TryParse(Path.GetFileName(folder), out _))
            .Where(folder =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(text, StringComparison.Ordinal);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return false; // It exited while we looked.
                }
            })
            .ToList();

    /// <summary>A descriptor opened without close-on-exec, as a shell's <c>exec 5&gt;&gt;file</c> leaves one.</summary>
    private static int OpenInheritable(string path)
    {
        const int writeOnlyCreate = 0x1 | 0x40;
        var fd = Open(path, writeOnlyCreate, 0x180);
        Assert.True(fd >= 3, $"open({path}) failed: errno {Marshal.GetLastPInvokeError()}");
        return fd;
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
