namespace TestSupport;

/// <summary>
/// A file a test creates to let a waiting cell go on: it orders events between the test and a running cell
/// without a clock, so the kernel's tests do not depend on how busy the machine is.
/// </summary>
public sealed class Gate : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"kernel-gate-{Guid.NewGuid():N}");

    /// <summary>Code for a cell that sleeps until the gate opens.</summary>
    public string WaitCode => $"while (!System.IO.File.Exists(@\"{path}\")) System.Threading.Thread.Sleep(10);";

    /// <summary>Code for a cell that busy-waits until the gate opens, never looking at a cancellation token.</summary>
    public string SpinCode => $"while (!System.IO.File.Exists(@\"{path}\")) {{ }}";

    /// <summary>Lets the cell go on.</summary>
    public void Open() => File.WriteAllText(path, "");

    // Opening on dispose too releases a cell that a failed assertion left waiting, so it stops burning a core.
    // The file stays: deleting it could race the cell's last look at it.
    public void Dispose() => Open();
}
