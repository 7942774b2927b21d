using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TensorLab;

/// <summary>
/// The copy behind <see cref="Embedding.Lookup"/>: <c>destination[n, :] = table[ids[n], :]</c> for ids
/// already validated.
/// </summary>
/// <remarks>
/// <see cref="CopyRowsPlain"/> is the whole idea in three lines and the reference the tests hold the fast path to.
/// <see cref="CopyRowsPrefetched"/> does the same copies in the same order, and only adds what a large table
/// needs: rows of a table far bigger than the cache are random DRAM reads, each a TLB miss plus a ~100 ns round trip,
/// and copied one after the other those latencies add up instead of overlapping. So while row n is copied, the cache
/// lines of row n + k are requested (a prefetch: a hint that loads nothing into registers and cannot fault), and small
/// rows are copied with a few vector moves instead of a call per row. A destination too large for the caches is written
/// with streaming (non-temporal) stores, as memcpy does for large copies: an ordinary store first reads the destination
/// line from memory (to own it) and only then overwrites it, so a copy moved its bytes three times instead of twice.
/// <see cref="CopyRowsSplit"/> hands a large lookup to every core, each copying its own run of ids into its own part of
/// the destination: one core keeps only as many cache misses in flight as its miss buffers hold, so on one thread a
/// gather of random rows stays well below a streaming copy however far ahead it prefetches.
/// </remarks>
internal static class RowGather
{
    /// <summary>Below this table size the rows already sit in the CPU caches, so prefetching only adds work.</summary>
    private const long PrefetchFromTableBytes = 1 << 20;

    /// <summary>Bytes of rows kept in flight ahead of the copy: enough to cover DRAM latency at copy speed.</summary>
    private const int BytesInFlight = 8 * 1024;

    /// <summary>
    /// From this destination size on, rows are written with streaming stores. Half of one EPYC CCD's 32 MiB L3: by the
    /// time a larger lookup ends, its first rows have left the caches anyway,
    /// so keeping them there only costs the reads.
    /// </summary>
    private const long StreamFromDestinationBytes = 16 << 20;

    /// <summary>Rows shorter than this (256 bytes) are copied with ordinary stores:
    /// too few whole aligned vectors to stream.</summary>
    private const int StreamFromDim = 64;

    /// <summary>
    /// From this destination size on, the copy is split across cores. Below it the whole copy takes about as long as
    /// waking a sleeping thread-pool thread (0.05–0.2 ms on a VM), so a helper would rarely arrive in time to help.
    /// </summary>
    private const long SplitFromDestinationBytes = 2 << 20;

    /// <summary>Destination bytes per piece of a split copy: small enough that a core slowed by other work leaves
    /// its share to the others, large enough that each piece's first, not-yet-prefetched rows do not matter.</summary>
    private const int SplitPieceBytes = 512 << 10;

    private const int CacheLineFloats = 64 / sizeof(float);

    /// <summary>Copies the rows of <paramref name="ids"/>, choosing the prefetching path when it can help.</summary>
    /// <param name="table">[rows, dim], row-major.</param>
    /// <param name="dim">Floats per row.</param>
    /// <param name="ids">Row indices, validated by the caller.</param>
    /// <param name="destination">ids.Length × dim floats.</param>
    /// <param name="split">False keeps a large copy on the calling thread: the bench's measure of one core.</param>
    public static void CopyRows(
        ReadOnlySpan<float> table,
        int dim,
        ReadOnlySpan<int> ids,
        Span<float> destination,
        bool split = true)
    {
        var large = (long)table.Length * sizeof(float) >= PrefetchFromTableBytes;
        // Overlapping buffers keep memmove's semantics (the plain path), however unusual such a call is.
        if (large && Sse.IsSupported && !table.Overlaps(destination))
        {
            var destinationBytes = (long)destination.Length * sizeof(float);
            var stream = destinationBytes >= StreamFromDestinationBytes;
            if (split && destinationBytes >= SplitFromDestinationBytes && Environment.ProcessorCount > 1)
            {
                CopyRowsSplit(table, dim, ids, destination, stream);
            }
            else
            {
                CopyRowsPrefetched(table, dim, ids, destination, stream);
            }
        }
        else
        {
            CopyRowsPlain(table, dim, ids, destination);
        }
    }

    /// <summary>The reference: one row copy per id.</summary>
    public static void CopyRowsPlain(ReadOnlySpan<float> table, int dim, ReadOnlySpan<int> ids, Span<float> destination)
    {
        for (var n = 0; n < ids.Length; n++)
        {
            table.Slice(ids[n] * dim, dim).CopyTo(destination.Slice(n * dim, dim));
        }
    }

    /// <summary>
    /// The same copies as <see cref="CopyRowsPrefetched"/>, in pieces of consecutive ids that the caller and helpers on
    /// the other cores take in turn; every piece writes only its own rows of the destination (see
    /// <see cref="SplitRowCopy"/>).
    /// </summary>
    /// <remarks>Allocates two small objects per call (the shared piece counter and the helpers' queue
    /// entries).</remarks>
    public static void CopyRowsSplit(
        ReadOnlySpan<float> table,
        int dim,
        ReadOnlySpan<int> ids,
        Span<float> destination,
        bool stream)
    {
        RequireDestinationLength(ids.Length, dim, destination.Length);
        SplitRowCopy.Run(table, dim, ids, destination, stream, Math.Max(1, SplitPieceBytes / (dim * sizeof(float))));
    }

    /// <summary>The same copies as <see cref="CopyRowsPlain"/>, with the rows a few ids ahead already
    /// requested.</summary>
    /// <param name="table">[rows, dim], row-major.</param>
    /// <param name="dim">Floats per row.</param>
    /// <param name="ids">Row indices, validated by the caller.</param>
    /// <param name="destination">ids.Length × dim floats.</param>
    /// <param name="stream">Write rows of at least 64 floats with streaming stores
    /// (for destinations beyond the caches).</param>
    /// <remarks>Callers validate first (so nothing is written for a bad id);
    /// the checks here only keep pointers in bounds.</remarks>
    public static unsafe void CopyRowsPrefetched(
        ReadOnlySpan<float> table,
        int dim,
        ReadOnlySpan<int> ids,
        Span<float> destination,
        bool stream = false)
    {
        // Whatever happens below, a wrong length must not turn into an out-of-bounds pointer write.
        RequireDestinationLength(ids.Length, dim, destination.Length);

        var rowBytes = dim * sizeof(float);
        var ahead = Math.Clamp(BytesInFlight / rowBytes, 2, 16);
        var streamRows = stream && dim >= StreamFromDim && Avx.IsSupported;
        var rows = table.Length / dim;
        fixed (float* tableStart = table)
        fixed (float* destinationStart = destination)
        fixed (int* idStart = ids)
        {
            var count = ids.Length;
            for (var n = 0; n < count; n++)
            {
                if (n + ahead < count)
                {
                    var upcoming = idStart[n + ahead];
                    // Validated ids are in range; this guard keeps a wrong caller from reading outside the table.
                    if ((uint)upcoming < (uint)rows)
                    {
                        RequestRow(tableStart + (long)upcoming * dim, dim);
                    }
                }

                var id = idStart[n];
                if ((uint)id >= (uint)rows)
                {
                    ThrowHelper.IdOutOfRange(nameof(ids), id, n, rows);
                }

                if (streamRows)
                {
                    StreamRow(tableStart + (long)id * dim, destinationStart + (long)n * dim, dim);
                }
                else
                {
                    CopyRow(tableStart + (long)id * dim, destinationStart + (long)n * dim, dim);
                }
            }
        }

        if (streamRows)
        {
            // Streaming stores are weakly ordered: make them visible before anything this thread writes next.
            Sse.StoreFence();
        }
    }

    private static void RequireDestinationLength(int ids, int dim, int destinationLength)
    {
        if ((long)ids * dim != destinationLength)
        {
            ThrowHelper.DestinationLength(
                "destination",
                ids * dim,
                destinationLength,
                "ids.Length × embeddingDim");
        }
    }

    /// <summary>Asks for every cache line of a row; the copy a few rows later finds it in L1 or on its way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void RequestRow(float* row, int dim)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        for (var column = 0; column < dim; column += CacheLineFloats)
        {
            Sse.Prefetch0(row + column);
        }

        // A row that starts mid-line ends in one more line than the loop above touched.
        Sse.Prefetch0(row + dim - 1);
    }

    /// <summary>
    /// One row with streaming stores. They need 32-byte aligned addresses, and a row starts wherever n × dim puts it:
    /// the first and last 8 floats go with ordinary unaligned stores, every whole aligned vector between them streams.
    /// </summary>
    private static unsafe void StreamRow(float* source, float* destination, int dim)
    {
        const int lanes = 8; // Vector256<float>.Count
        Vector256.Store(Vector256.Load(source), destination);
        // First 32-byte boundary after the start (the start itself if aligned); float addresses are 4-byte aligned.
        var column = (int)((32 - ((nint)destination & 31)) & 31) / sizeof(float);
        for (; column + lanes <= dim; column += lanes)
        {
            Avx.StoreAlignedNonTemporal(destination + column, Vector256.Load(source + column));
        }

        Vector256.Store(Vector256.Load(source + dim - lanes), destination + dim - lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void CopyRow(float* source, float* destination, int dim)
    {
        // Rows up to 1 KiB: vector moves inline, the last one overlapping the one before it, so no scalar tail and no
        // call. Longer rows: memmove, whose wide loops win once the call is paid for. The buffers never overlap here.
        if (Vector256.IsHardwareAccelerated && dim >= Vector256<float>.Count && dim <= 256)
        {
            var last = dim - Vector256<float>.Count;
            for (var column = 0; column < last; column += Vector256<float>.Count)
            {
                Vector256.Store(Vector256.Load(source + column), destination + column);
            }

            Vector256.Store(Vector256.Load(source + last), destination + last);
        }
        else
        {
            Buffer.MemoryCopy(source, destination, (long)dim * sizeof(float), (long)dim * sizeof(float));
        }
    }
}
