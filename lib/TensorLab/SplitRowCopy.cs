using System.Runtime.ExceptionServices;

namespace TensorLab;

/// <summary>
/// One row copy shared by the calling thread and a helper per other core: each takes the next unclaimed piece of ids
/// until none are left, and the caller returns once every claimed piece is done.
/// </summary>
/// <remarks>
/// Hand-written rather than <c>Parallel.For</c> for one measured reason: <c>Parallel.For</c> waits for every helper it
/// queued to start, even one that arrives after the work is gone, so when the thread pool's threads were asleep a
/// 4 MiB lookup (0.2 ms on one thread) took 0.29–0.32 ms. Here the caller never waits for a helper that has not
/// claimed a piece: at worst the copy runs on one thread, as if unsplit. A helper that starts after the caller returned
/// finds no piece left and touches no memory, so the pinned addresses it holds are never used past the caller's pin.
/// </remarks>
internal sealed unsafe class SplitRowCopy
{
    private readonly nint table;
    private readonly int tableLength;
    private readonly int dim;
    private readonly nint ids;
    private readonly int count;
    private readonly nint destination;
    private readonly bool stream;
    private readonly int rowsPerPiece;
    private readonly int pieces;
    private readonly SplitRowCopyHooks? hooks;
    private int claimed;
    private int done;
    private Exception? failure;

    private SplitRowCopy(
        nint table,
        int tableLength,
        int dim,
        nint ids,
        int count,
        nint destination,
        bool stream,
        int rowsPerPiece,
        SplitRowCopyHooks? hooks)
    {
        (this.table, this.tableLength, this.dim, this.ids, this.count, this.destination, this.stream) =
            (table, tableLength, dim, ids, count, destination, stream);
        this.rowsPerPiece = rowsPerPiece;
        this.hooks = hooks;
        pieces = (count + rowsPerPiece - 1) / rowsPerPiece;
    }

    /// <summary>Copies <c>destination[n, :] = table[ids[n], :]</c> in pieces of <paramref name="rowsPerPiece"/>
    /// ids, on this thread and up to one helper per other core.</summary>
    /// <param name="table">[rows, dim], row-major.</param>
    /// <param name="dim">Floats per row.</param>
    /// <param name="ids">Row indices, validated by the caller.</param>
    /// <param name="destination">ids.Length × dim floats.</param>
    /// <param name="stream">Write with streaming stores (see <see cref="RowGather.CopyRowsPrefetched"/>).</param>
    /// <param name="rowsPerPiece">Ids per piece.</param>
    /// <param name="hooks">Tests only: called as the caller or a helper starts a piece, to fix the interleaving a
    /// test needs; null everywhere else.</param>
    public static void Run(
        ReadOnlySpan<float> table,
        int dim,
        ReadOnlySpan<int> ids,
        Span<float> destination,
        bool stream,
        int rowsPerPiece,
        SplitRowCopyHooks? hooks = null)
    {
        fixed (float* tableStart = table)
        fixed (int* idStart = ids)
        fixed (float* destinationStart = destination)
        {
            var copy = new SplitRowCopy(
                (nint)tableStart, table.Length, dim, (nint)idStart, ids.Length, (nint)destinationStart, stream,
                rowsPerPiece, hooks);
            var helpers = Math.Min(Environment.ProcessorCount - 1, copy.pieces - 1);
            for (var helper = 0; helper < helpers; helper++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static work => work.CopyPieces(helper: true), copy, false);
            }

            copy.CopyPieces(helper: false);
            // Only pieces a helper already claimed are waited for; each is a fraction of a millisecond of copying.
            // Thread.Yield, not SpinWait: SpinWait's Thread.Sleep(0) throws on a thread someone interrupted, and
            // leaving here while a helper still writes would unpin the destination under its pointer.
            while (Volatile.Read(ref copy.done) < copy.pieces)
            {
                if (!Thread.Yield())
                {
                    Thread.SpinWait(64);
                }
            }

            if (copy.failure is { } failure)
            {
                // A bad id fails as it does on one thread, whichever thread met it.
                ExceptionDispatchInfo.Throw(failure);
            }
        }
    }

    private void CopyPieces(bool helper)
    {
        int piece;
        while ((piece = Interlocked.Increment(ref claimed) - 1) < pieces)
        {
            try
            {
                (helper ? hooks?.BeforeHelpersPiece : hooks?.BeforeCallersPiece)?.Invoke();
                var first = piece * rowsPerPiece;
                var rows = Math.Min(rowsPerPiece, count - first);
                RowGather.CopyRowsPrefetched(
                    new ReadOnlySpan<float>((void*)table, tableLength),
                    dim,
                    new ReadOnlySpan<int>((int*)ids + first, rows),
                    new Span<float>((float*)destination + (long)first * dim, rows * dim),
                    stream);
            }
            catch (Exception e)
            {
                // A helper runs on a pool thread, where an escaping exception would end the process.
                Interlocked.CompareExchange(ref failure, e, null);
            }
            finally
            {
                Interlocked.Increment(ref done);
            }
        }
    }
}

/// <summary>Test seams of <see cref="SplitRowCopy"/>: what runs as the caller or a helper starts a piece.</summary>
/// <param name="BeforeCallersPiece">Called on the calling thread before each of its pieces.</param>
/// <param name="BeforeHelpersPiece">Called on a helper thread before each of its pieces.</param>
internal sealed record SplitRowCopyHooks(Action BeforeCallersPiece, Action BeforeHelpersPiece);
