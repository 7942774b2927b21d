namespace Grading.Tests;

/// <summary>
/// The runtime settings of grading/GraderRuntime.props reach the worker, sandboxed or not: it is the grader's own
/// assembly with the grader's runtimeconfig, and bubblewrap clears the environment, so the file is the only way in.
/// </summary>
public class WorkerRuntimeSettingsTests
{
    // With W^X on, the runtime maps its executable memory twice through a memfd it names "doublemapper".
    private const string DoubleMappingProbe =
        """System.IO.File.ReadAllText("/proc/self/maps").Contains("doublemapper") ? 1 : 0""";

    [Fact]
    public void ThisTestProcess_RunsWithWriteXorExecute_SoTheProbeCanSeeIt()
    {
        // The control: the test host has the runtime's default, so a worker's 0 below means the setting, not a blind
        // probe.
        Assert.Contains("doublemapper", File.ReadAllText("/proc/self/maps"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkerWithoutSandbox_RunsWithoutWriteXorExecute()
    {
        Assert.Equal(0.0, await DoubleMappedInWorker(sandboxed: false));
    }

    [BubblewrapFact]
    public async Task ASandboxedWorker_RunsWithoutWriteXorExecute()
    {
        Assert.Equal(0.0, await DoubleMappedInWorker(sandboxed: true));
    }

    private static async Task<double?> DoubleMappedInWorker(bool sandboxed) =>
        (await SingleCellWorker.RunAsync(DoubleMappingProbe, sandboxed)).NumericReturnValue;
}
