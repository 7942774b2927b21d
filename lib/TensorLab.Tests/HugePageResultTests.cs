using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TensorLab.Tests;

/// <summary>Results of 4 MiB and more live at an offset inside a longer, page-aligned array
/// (LargeTableMemory).</summary>
public class HugePageResultTests
{
    // 16,384 ids × 64 floats × 4 bytes = 4 MiB: the bench's D=64 Forward, the smallest result on the aligned path.
    private const int Ids = 16_384;
    private const int Dim = 64;
    private const long TwoMiB = 2 << 20;

    [Fact]
    public void Forward_OfA4MiBResult_EqualsThePlainLookup()
    {
        var table = new Embedding(20_000, Dim, seed: 5);
        var ids = LookupProfiler.RandomIds(Ids, 20_000, seed: 6);
        var expected = new float[Ids * Dim];
        RowGather.CopyRowsPlain(table.Weight.Span, Dim, ids, expected);

        var result = table.Forward(ids);

        Assert.Equal([Ids, Dim], result.Shape);
        Assert.Equal(expected, result.ToArray());
        Assert.Equal(expected.AsSpan(7 * Dim, Dim).ToArray(), result.Row(7).ToArray());
        Assert.Equal(expected[^1], result[Ids - 1, Dim - 1]);
    }

    [Fact]
    public void Forward_OfABatch_ReshapesTheOffsetResult()
    {
        var table = new Embedding(20_000, Dim, seed: 5);
        var flat = LookupProfiler.RandomIds(Ids, 20_000, seed: 7);
        var batch = new int[32, Ids / 32];
        Buffer.BlockCopy(flat, 0, batch, 0, flat.Length * sizeof(int));

        var result = table.Forward(batch);

        Assert.Equal([32, Ids / 32, Dim], result.Shape);
        Assert.Equal(table.Forward(flat).ToArray(), result.ToArray());
        Assert.Equal(table.Weight[flat[Ids / 32], 3], result[1, 0, 3]);
    }

    [Fact]
    public void LargeResult_StartsOnA2MiBBoundary_WhenLinuxOffersHugePages()
    {
        var tensor = LargeTableMemory.UninitializedOnHugePages(Ids, Dim);
        var policy = "/sys/kernel/mm/transparent_hugepage/enabled";
        var offered = OperatingSystem.IsLinux()
            && File.Exists(policy)
            && !File.ReadAllText(policy).Contains("[never]", StringComparison.Ordinal);
        Assert.Equal(offered, StartAddress(tensor.Span) % TwoMiB == 0);
    }

    [Fact]
    public void LargeResult_AllocatesAtMost4MiBBeyondItsElements()
    {
        var table = new Embedding(20_000, Dim, seed: 5);
        var ids = LookupProfiler.RandomIds(Ids, 20_000, seed: 6);
        table.Forward(ids);
        var before = GC.GetAllocatedBytesForCurrentThread();
        table.Forward(ids);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long resultBytes = Ids * Dim * sizeof(float);
        // Under 2 MiB before the page boundary, under 2 MiB after the result to the end of its last page.
        Assert.InRange(allocated, resultBytes, resultBytes + 2 * TwoMiB + 512);
    }

    [Theory]
    [InlineData(4 << 18)]        // exactly 4 MiB: two whole pages
    [InlineData((4 << 18) + 1)]  // one float into a third page
    [InlineData(2_560_000)]      // the 5000 × 512 PE table, 9.8 MiB
    public void LargeResult_EndsInsideItsArray_WhateverItsLength(int length)
    {
        var tensor = LargeTableMemory.UninitializedOnHugePages(length);
        tensor.Span.Fill(3f);
        Assert.Equal(length, tensor.Length);
        Assert.Equal(3f, tensor[length - 1]);
    }

    [Fact]
    public void FromStorage_RejectsAShapeThatDoesNotFitAfterTheOffset()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.FromStorage(new float[10], 4, 2, 4));
        Assert.Contains("offset 4", error.Message);
        Assert.Equal([1f, 2f], Tensor.FromStorage([0f, 1f, 2f], 1, 2).ToArray());
    }

    // The array is pinned, so its address is stable: the distance from null is the address.
    private static long StartAddress(Span<float> span) =>
        Unsafe.ByteOffset(ref Unsafe.NullRef<float>(), ref MemoryMarshal.GetReference(span));
}
