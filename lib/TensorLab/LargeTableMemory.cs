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
    /// <summary>Smaller tables stay on the ordinary heap: they fit the caches and would waste most of a huge page.</summary>
    public const long HugePagesFromBytes = 4 << 20;

    private const long HugePageBytes = 2 << 20;
    private const int MadviseHugePage = 14;
    private const int MadviseCollapse = 25;

    /// <summary>A zeroed array of <paramref name="length"/> floats; large ones are pinned and advised to use huge pages.</summary>
    public static float[] Zeroed(int length) => Allocate(length, zeroed: true);

    /// <summary>Like <see cref="Zeroed"/>, for callers that write every element before reading any.</summary>
    public static float[] Uninitialized(int length) => Allocate(length, zeroed: false);

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

    private static float[] Allocate(int length, bool zeroed)
    {
        var large = (long)length * sizeof(float) >= HugePagesFromBytes && OperatingSystem.IsLinux();
        var storage = zeroed ? GC.AllocateArray<float>(length, pinned: large) : GC.AllocateUninitializedArray<float>(length, pinned: large);
        if (large)
        {
            // Fresh memory from the OS is not touched until written, so pages faulted in after this advice are huge.
            Advise(storage, MadviseHugePage);
        }

        return storage;
    }

    private static void Advise(float[] storage, int advice)
    {
        // Only whole 2 MiB pages inside the array: madvise must not touch the neighbouring objects' memory.
        var start = Marshal.UnsafeAddrOfPinnedArrayElement(storage, 0);
        var end = start + (nint)((long)storage.Length * sizeof(float));
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

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
