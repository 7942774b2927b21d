using System.Runtime.InteropServices;

namespace TensorLab;

/// <summary>
/// Storage for tables too big for the CPU caches, backed by 2 MiB pages where Linux allows it.
/// </summary>
/// <remarks>
/// A random row of a 100 MB table costs a TLB miss on 4 KiB pages (the table spans 25,000 of them, the TLB holds a few
/// thousand); on 2 MiB pages the whole table needs 50 entries. The array is pinned (it never moves, so the advice stays
/// true for its address) and the advice is best effort: where transparent huge pages are off, or on another OS, the
/// table is an ordinary array and everything works the same, only slower.
/// </remarks>
internal static partial class LargeTableMemory
{
    /// <summary>Smaller tables stay on the ordinary heap: they fit the caches and would waste most of a huge
    /// page.</summary>
    public const long HugePagesFromBytes = 4 << 20;

    private const long HugePageBytes = 2 << 20;
    private const int MadviseHugePage = 14;
    private const int MadviseCollapse = 25;

    /// <summary>
    /// Floats allocated beyond a page-aligned result so that it can start on a 2 MiB boundary wherever the GC puts the
    /// array (arrays are at least 4-byte aligned, so the gap before the boundary is at most 2 MiB − 4 bytes).
    /// </summary>
    private const int AlignmentSlackFloats = HugePageFloats - 1;

    private const int HugePageFloats = (int)(HugePageBytes / sizeof(float));

    /// <summary>Whether Linux hands out 2 MiB pages to memory that asks for them
    /// (the "always" or "madvise" policy).</summary>
    private static readonly bool HugePagesOnRequest = ReadHugePagePolicy();

    /// <summary>A zeroed array of <paramref name="length"/> floats; large ones are pinned and advised to use huge
    /// pages.</summary>
    public static float[] Zeroed(int length)
    {
        var large = (long)length * sizeof(float) >= HugePagesFromBytes && OperatingSystem.IsLinux();
        var storage = GC.AllocateArray<float>(length, pinned: large);
        if (large)
        {
            // Fresh memory from the OS is not touched until written, so pages faulted in after this advice are huge.
            Advise(storage, MadviseHugePage);
        }

        return storage;
    }

    /// <summary>
    /// After a table is filled: merges into huge pages whatever was faulted in as small ones (memory the GC reused).
    /// Costs a copy of the table at most, once; a no-op for small arrays and outside Linux. Only for arrays this class
    /// allocated: the advice needs an address that cannot move.
    /// </summary>
    public static void Consolidate(float[] storage)
    {
        if ((long)storage.Length * sizeof(float) >= HugePagesFromBytes && OperatingSystem.IsLinux())
        {
            Advise(storage, MadviseCollapse);
        }
    }

    /// <summary>
    /// An uninitialized tensor for a result its caller writes in full at once (a
    /// <see cref="Embedding.Forward(ReadOnlySpan{int})"/> output, the sinusoidal table). From 4 MiB on it starts on a 2
    /// MiB boundary of a pinned array advised to use huge pages and ends inside a whole 2 MiB page of that array, so
    /// writing it faults in one 2 MiB page per 2 MiB instead of 512 pages of 4 KiB.
    /// </summary>
    /// <remarks>
    /// Why: the GC hands a large result memory it has just given back to the OS (decommitted) about every other
    /// allocation, and on the course's 2-core VM each 4 KiB page fault cost 15–40 µs, so a fresh 4 MiB result cost
    /// 15–40 ms to write against 0.5 ms for the copy itself. The price is address space: the array is longer than the
    /// tensor by the gap before the boundary (under 2 MiB, never written by TensorLab) and by the rest of the last
    /// 2 MiB page (under 2 MiB, zeroed by the kernel with that page). The GC counts both as allocated.
    /// </remarks>
    public static Tensor UninitializedOnHugePages(params int[] shape)
    {
        var length = checked(shape.Aggregate(1, (product, size) => product * size));
        if ((long)length * sizeof(float) < HugePagesFromBytes
            || !HugePagesOnRequest
            || length > Array.MaxLength - 2 * HugePageFloats)
        {
            return Tensor.FromArray(GC.AllocateUninitializedArray<float>(length), shape);
        }

        var wholePages = (length + HugePageFloats - 1) / HugePageFloats * HugePageFloats;
        // Pinned: the offset below is only right while the array stays at this address.
        var storage = GC.AllocateUninitializedArray<float>(wholePages + AlignmentSlackFloats, pinned: true);
        var start = Marshal.UnsafeAddrOfPinnedArrayElement(storage, 0);
        var boundary = (start + (nint)(HugePageBytes - 1)) & ~(nint)(HugePageBytes - 1);
        var offset = (int)((boundary - start) / sizeof(float));
        Advise(boundary, (long)wholePages * sizeof(float), MadviseHugePage);
        return Tensor.FromStorage(storage, offset, shape);
    }

    private static void Advise(float[] storage, int advice) =>
        Advise(Marshal.UnsafeAddrOfPinnedArrayElement(storage, 0), (long)storage.Length * sizeof(float), advice);

    private static void Advise(nint start, long bytes, int advice)
    {
        // Only whole 2 MiB pages inside the range: madvise must not touch the neighbouring objects' memory.
        var end = start + (nint)bytes;
        var first = (start + (nint)(HugePageBytes - 1)) & ~(nint)(HugePageBytes - 1);
        var last = end & ~(nint)(HugePageBytes - 1);
        if (last <= first)
        {
            return;
        }

        try
        {
            // The result is deliberately ignored: a kernel without THP (EINVAL) just leaves the small pages in place.
            _ = Madvise(first, (nuint)(last - first), advice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library under another name (musl, a trimmed container): the table works the same on small pages.
        }
    }

    private static bool ReadHugePagePolicy()
    {
        const string policy = "/sys/kernel/mm/transparent_hugepage/enabled";
        try
        {
            // The file reads like "always [madvise] never": the bracketed word is the policy in force.
            return OperatingSystem.IsLinux() && File.Exists(policy) && File.ReadAllText(policy) is var text
                && (text.Contains("[always]", StringComparison.Ordinal)
                    || text.Contains("[madvise]", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A sandbox that hides /sys: results are allocated as ordinary arrays, which only costs speed.
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
