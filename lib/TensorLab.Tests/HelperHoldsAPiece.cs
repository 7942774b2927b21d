using System.Diagnostics;

namespace TensorLab.Tests;

/// <summary>
/// Hooks that fix one interleaving of a split copy: the caller's first piece waits until a helper has started a piece,
/// and that piece then takes 100 ms, so the caller finishes every other piece while a helper still writes.
/// </summary>
internal sealed class HelperHoldsAPiece
{
    private int helperStarted;
    private int callerWaited;

    public HelperHoldsAPiece() => Hooks = new SplitRowCopyHooks(BeforeCallersPiece, BeforeHelpersPiece);

    public SplitRowCopyHooks Hooks { get; }

    /// <summary>True once a helper started a piece (it needs a second core and a free pool thread).</summary>
    public bool HelperStarted => Volatile.Read(ref helperStarted) == 1;

    private void BeforeCallersPiece()
    {
        if (Interlocked.Exchange(ref callerWaited, 1) == 1)
        {
            return;
        }

        // Yield, never a blocking wait: a test runs the caller on a thread with an interrupt pending.
        var clock = Stopwatch.StartNew();
        while (!HelperStarted && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Yield();
        }
    }

    private void BeforeHelpersPiece()
    {
        if (Interlocked.Exchange(ref helperStarted, 1) == 0)
        {
            Thread.Sleep(100);
        }
    }
}
