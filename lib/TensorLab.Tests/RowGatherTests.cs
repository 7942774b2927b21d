namespace TensorLab.Tests;

/// <summary>The prefetching row copy behind <see cref="Embedding.Lookup"/> against its plain reference loop.</summary>
public class RowGatherTests
{
    [Fact]
    public void Prefetched_EqualsPlain_ForEveryDimensionFrom1To300()
    {
        // 300 covers rows shorter than one vector, the inline vector copy (up to 256 floats) and memmove beyond it.
        var random = new Random(11);
        for (var dim = 1; dim <= 300; dim++)
        {
            var table = RandomTable(random, rows: 37, dim);
            foreach (var count in new[] { 0, 1, 2, 17, 40 })
            {
                var ids = LookupProfiler.RandomIds(count, 37, seed: dim * 100 + count);
                AssertSameCopies(table, dim, ids);
            }
        }
    }

    [Fact]
    public void Streamed_EqualsPlain_ForEveryDimensionFrom1To300_AndWholePages()
    {
        // Row starts at every alignment: dims not a multiple of 8 put each row at another offset from a
        // 32-byte boundary.
        var random = new Random(12);
        foreach (var dim in Enumerable.Range(1, 300).Concat([511, 512, 513, 1024]))
        {
            var table = RandomTable(random, rows: 29, dim);
            foreach (var count in new[] { 0, 1, 3, 31 })
            {
                AssertSameCopies(table, dim, LookupProfiler.RandomIds(count, 29, seed: dim * 10 + count), stream: true);
            }
        }
    }

    [Fact]
    public void Lookup_IntoADestinationBeyondTheCaches_EqualsThePlainLoop()
    {
        // 14,000 ids × 300 floats = 16.8 MB: Embedding.Lookup takes the streaming path, with rows at every alignment.
        AssertLookupEqualsPlain(new Embedding(20_000, 300, seed: 4), LookupProfiler.RandomIds(14_000, 20_000, seed: 5));
    }

    [Theory]
    [InlineData(1, 300_001, false)]  // 3 pieces of 131,072 ids, the last one short
    [InlineData(7, 20_000, false)]   // pieces of 18,724 rows: a row count no power of two divides
    [InlineData(300, 1000, true)]    // rows at every alignment from a 32-byte boundary, streamed
    [InlineData(512, 1025, true)]    // 256 rows a piece and one piece of a single row
    [InlineData(513, 700, false)]
    [InlineData(4096, 3, false)]     // rows larger than a piece: one row each
    public void Split_EqualsPlain_WhateverThePieceBoundaries(int dim, int count, bool stream)
    {
        var table = RandomTable(new Random(dim), rows: 97, dim);
        var ids = LookupProfiler.RandomIds(count, 97, seed: dim + count);
        var plain = new float[ids.Length * dim];
        var split = Enumerable.Repeat(float.NaN, ids.Length * dim).ToArray();
        RowGather.CopyRowsPlain(table, dim, ids, plain);
        RowGather.CopyRowsSplit(table, dim, ids, split, stream);
        Assert.Equal(plain, split);
    }

    [Fact]
    public void Split_WaitsForAPieceAHelperStillCopies_BeforeItReturns()
    {
        var (table, ids, plain, split) = SplitCase(seed: 12);
        var hooks = new HelperHoldsAPiece();
        SplitRowCopy.Run(table.Weight.Span, SplitDim, ids, split, stream: true, SplitRows, hooks.Hooks);

        Assert.True(hooks.HelperStarted, "No helper took a piece: the split needs a second core.");
        Assert.Equal(0, UnwrittenPieces(split));
        Assert.Equal(plain, split);
    }

    [Fact]
    public void Split_OnAnInterruptedThread_StillWaitsForTheHelpersPiece_AndLeavesTheInterruptPending()
    {
        // Leaving early would unpin the destination while a helper still writes through its address.
        var (table, ids, plain, split) = SplitCase(seed: 14);
        var hooks = new HelperHoldsAPiece();
        var (unwritten, threw, pending) = (-1, false, false);
        var thread = new Thread(() =>
        {
            Thread.CurrentThread.Interrupt();
            try
            {
                SplitRowCopy.Run(table.Weight.Span, SplitDim, ids, split, stream: false, SplitRows, hooks.Hooks);
                unwritten = UnwrittenPieces(split);
            }
            catch (ThreadInterruptedException)
            {
                threw = true;
            }

            try
            {
                Thread.Sleep(0);
            }
            catch (ThreadInterruptedException)
            {
                pending = true;
            }
        });
        thread.Start();
        thread.Join();

        Assert.True(hooks.HelperStarted, "No helper took a piece: the split needs a second core.");
        Assert.Equal((0, false, true), (unwritten, threw, pending));
        Assert.Equal(plain, split);
    }

    [Fact]
    public void Split_ThrowsAnIdOutsideTheTableAsItself_NotWrappedByTheLoop()
    {
        var table = new float[4 * 8];
        var ids = new int[200_000];
        ids[150_000] = 4;
        Assert.Throws<ArgumentOutOfRangeException>(
            () => RowGather.CopyRowsSplit(table, 8, ids, new float[ids.Length * 8], stream: false));
        Assert.Throws<ArgumentException>(
            () => RowGather.CopyRowsSplit(table, 8, [1, 2], new float[15], stream: false));
    }

    [Fact]
    public void Lookup_OfTwoToSixteenMiB_EqualsThePlainLoop_AndAllocatesOnlyTheSplitsBookkeeping()
    {
        // 10,000 ids × 64 floats = 2.6 MB from a 5.1 MB table: split across the cores, ordinary stores.
        var table = new Embedding(20_000, 64, seed: 8);
        var ids = LookupProfiler.RandomIds(10_000, 20_000, seed: 9);
        var looked = AssertLookupEqualsPlain(table, ids);

        var before = GC.GetAllocatedBytesForCurrentThread();
        table.Lookup(ids, looked);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4096);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 513)]
    [InlineData(3, 8)]
    [InlineData(1000, 512)]
    public void Prefetched_EqualsPlain_ForFirstLastAndRepeatedRows(int rows, int dim)
    {
        var table = RandomTable(new Random(rows + dim), rows, dim);
        int[] ids = [0, rows - 1, rows - 1, 0, rows / 2, rows - 1, .. Enumerable.Repeat(rows - 1, 20), 0];
        AssertSameCopies(table, dim, ids);
    }

    [Fact]
    public void Prefetched_ThrowsForAnIdOutsideTheTable_InsteadOfReadingPastIt()
    {
        var table = new float[4 * 8];
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => RowGather.CopyRowsPrefetched(table, 8, [1, 4], new float[16]));
        Assert.Contains("Token id 4 at position 1", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => RowGather.CopyRowsPrefetched(table, 8, [-1], new float[8]));
    }

    [Fact]
    public void Prefetched_ThrowsForAWrongDestinationLength_InsteadOfWritingPastIt() =>
        Assert.Throws<ArgumentException>(
            () => RowGather.CopyRowsPrefetched(new float[4 * 8], 8, [1, 2], new float[15]));

    [Theory]
    [InlineData(5000, 64)]
    [InlineData(3000, 512)]
    [InlineData(70_000, 33)]
    public void Lookup_FromALargeTable_EqualsThePlainLoop(int vocab, int dim)
    {
        // 1.3 to 9.2 MB: the prefetching path, and from 4 MiB a table on huge pages.
        var table = new Embedding(vocab, dim, init: EmbeddingInit.Normal, seed: 5);
        var ids = LookupProfiler.RandomIds(1000, vocab, seed: 6);
        var looked = new float[ids.Length * dim];
        table.Lookup(ids, looked);
        var expected = new float[ids.Length * dim];
        RowGather.CopyRowsPlain(table.Weight.Span, dim, ids, expected);
        Assert.Equal(expected, looked);
    }

    [Fact]
    public void Lookup_FromALargeTable_WritesNothingWhenAnIdIsBad()
    {
        var table = new Embedding(20_000, 64, seed: 1);
        var destination = new float[3 * 64];
        destination[0] = 42;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => table.Lookup([5, 1, 20_000], destination));
        Assert.Contains("Token id 20000 at position 2", error.Message);
        Assert.Equal(42, destination[0]);
    }

    [Fact]
    public void LargeTable_StartsLikeASmallOne_AndTrains()
    {
        // 6.4 MB weights and gradient come from LargeTableMemory: zeroed like new float[], written, read back.
        var large = new Embedding(50_000, 32, paddingIdx: 7, seed: 3);
        Assert.All(large.Grad.ToArray(), g => Assert.Equal(0f, g));
        Assert.All(large.Weight.Row(7).ToArray(), w => Assert.Equal(0f, w));
        Assert.Equal(new Embedding(50_000, 32, paddingIdx: 7, seed: 3).Weight.ToArray(), large.Weight.ToArray());
        var before = large.Weight[3, 31];
        large.Backward([3, 3], Enumerable.Repeat(1f, 64).ToArray());
        large.Step(0.5f);
        Assert.Equal(2f, large.Grad[3, 31]);
        Assert.Equal(before - 1f, large.Weight[3, 31], 1e-6f);
    }

    [Fact]
    public void LargeTable_AllocationIsCountedLikeAnyArray()
    {
        // Notebook 03 measures a GPT-2-sized table with GetAllocatedBytesForCurrentThread and expects weights + grad.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var table = new Embedding(20_000, 128, seed: 1);
        var measured = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(measured, 2 * table.WeightBytes, 2 * table.WeightBytes + 64 * 1024);
    }

    private static float[] RandomTable(Random random, int rows, int dim)
    {
        var table = new float[rows * dim];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = random.NextSingle() - 0.5f;
        }

        return table;
    }

    private const int SplitDim = 64;
    private const int SplitRows = 1024;
    private const int SplitPieces = 16;

    // A table, its ids, the plain loop's copy, and a destination of NaN for the split to fill.
    private static (Embedding Table, int[] Ids, float[] Plain, float[] Split) SplitCase(int seed)
    {
        var table = new Embedding(50_000, SplitDim, seed: seed);
        var ids = LookupProfiler.RandomIds(SplitPieces * SplitRows, 50_000, seed: seed + 1);
        var plain = new float[ids.Length * SplitDim];
        RowGather.CopyRowsPlain(table.Weight.Span, SplitDim, ids, plain);
        return (table, ids, plain, Enumerable.Repeat(float.NaN, plain.Length).ToArray());
    }

    // The last float of every piece, read within a microsecond of the return.
    private static int UnwrittenPieces(float[] split) =>
        Enumerable.Range(1, SplitPieces).Count(piece => float.IsNaN(split[piece * SplitRows * SplitDim - 1]));

    private static float[] AssertLookupEqualsPlain(Embedding table, int[] ids)
    {
        var dim = table.EmbeddingDim;
        var expected = new float[ids.Length * dim];
        RowGather.CopyRowsPlain(table.Weight.Span, dim, ids, expected);
        var looked = new float[expected.Length];
        table.Lookup(ids, looked);
        Assert.Equal(expected, looked);
        return looked;
    }

    private static void AssertSameCopies(float[] table, int dim, int[] ids, bool stream = false)
    {
        var plain = new float[ids.Length * dim];
        var prefetched = Enumerable.Repeat(float.NaN, ids.Length * dim).ToArray();
        RowGather.CopyRowsPlain(table, dim, ids, plain);
        RowGather.CopyRowsPrefetched(table, dim, ids, prefetched, stream);
        Assert.Equal(plain, prefetched);
    }
}
