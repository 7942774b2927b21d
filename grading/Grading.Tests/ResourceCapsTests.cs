using Grading.Running.Isolation;
using Grading.Running.Worker;

namespace Grading.Tests;

/// <summary>
/// The resource caps travel to the worker as one environment variable and the worker sets them on itself before its
/// first request: what it reads back is what the grader wrote, anything else stops it, and the kernel then holds the
/// worker's process to them.
/// </summary>
public class ResourceCapsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheCaps_ReadBackAsWritten(bool ownUser)
    {
        var caps = WorkerLimits.Default.Caps(ownUser);

        Assert.Equal(caps, ResourceCaps.Parse(caps.ToEnvironmentValue(), out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("data=1 fsize=1 nofile=1")]
    [InlineData("data=1 fsize=1 nofile=1 core=1")]
    [InlineData("data=1 fsize=1 nofile=1 core=0 stack=1")]
    [InlineData("data=1 fsize=1 nofile=1 core=0 data=2")]
    [InlineData("data=-1 fsize=1 nofile=1 core=0")]
    [InlineData("data=lots fsize=1 nofile=1 core=0")]
    [InlineData("data fsize=1 nofile=1 core=0")]
    public void AnythingElse_IsRefused_SayingWhy(string? value)
    {
        Assert.Null(ResourceCaps.Parse(value, out var problem));
        Assert.Contains(ResourceCaps.EnvironmentVariable, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkerStartedWithoutItsCaps_RunsNothing_AndSaysWhy()
    {
        using var scratch = WorkerScratch.Create(null);
        var start = WorkerLauncher.Create(scratch, sandboxed: false, WorkerLimits.Default);
        start.Environment.Remove(ResourceCaps.EnvironmentVariable);
        using var worker = System.Diagnostics.Process.Start(start)!;
        await worker.StandardInput.WriteLineAsync(WorkerProtocol.Write(new WorkerHeader("N", 5, 1 << 20)));
        await worker.StandardInput.WriteLineAsync(WorkerProtocol.Write(new CellRequest(0, "Console.Write(1)", "S")));
        worker.StandardInput.Close();
        var stdout = await worker.StandardOutput.ReadToEndAsync();
        var stderr = await worker.StandardError.ReadToEndAsync();
        await worker.WaitForExitAsync();

        Assert.Equal(2, worker.ExitCode);
        Assert.Empty(stdout);
        Assert.Contains($"no resource caps, so no cells: {ResourceCaps.EnvironmentVariable} is not set", stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkerWithoutSandbox_RunsUnderTheCaps()
    {
        Assert.Equal(Expected(ownUser: false), await LimitsInWorker(sandboxed: false));
    }

    [BubblewrapFact]
    public async Task ASandboxedWorker_RunsUnderTheCaps()
    {
        Assert.Equal(Expected(ownUser: SandboxUser.CanSwitch), await LimitsInWorker(sandboxed: true));
    }

    private static string Expected(bool ownUser)
    {
        var limits = WorkerLimits.Default;
        return string.Join(
            "|",
            $"Max file size {(long)limits.MaxFileMegabytes << 20} {(long)limits.MaxFileMegabytes << 20}",
            $"Max data size {limits.DataLimitBytes} {limits.DataLimitBytes}",
            "Max core file size 0 0",
            // Without a user of its own the worker keeps the grader's process limit: RLIMIT_NPROC counts the user's.
            ownUser
                ? $"Max processes {limits.MaxTasks} {limits.MaxTasks}"
                : Compact(File.ReadAllLines("/proc/self/limits")
                    .Single(l => l.StartsWith("Max processes", StringComparison.Ordinal))),
            $"Max open files {limits.MaxOpenFiles} {limits.MaxOpenFiles}");
    }

    // "Max open files            1024                 1024                 files" → "Max open files 1024 1024".
    private static string Compact(string line) =>
        string.Join(
            " ",
            line[..26].Trim(),
            string.Join(" ", line[26..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2)));

    // The soft and hard limit of each cap, from the kernel's own account of the worker's process.
    private static async Task<string> LimitsInWorker(bool sandboxed)
    {
        string[] caps = ["Max file size", "Max data size", "Max core file size", "Max processes", "Max open files"];
        var limits = SingleCellWorker.Printed(await SingleCellWorker.RunAsync(
            """Console.Write(System.IO.File.ReadAllText("/proc/self/limits"))""", sandboxed));
        var capLines = limits.Split('\n').Where(l => caps.Any(cap => l.StartsWith(cap, StringComparison.Ordinal)));
        return string.Join("|", capLines.Select(Compact));
    }
}
