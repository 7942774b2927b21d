using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Grading.Autograde;

/// <summary>
/// Reads a file a student controls as untrusted: every path component below the trusted root must be a real folder (no
/// symbolic link to a classmate's work or the instructor's source), the file itself a regular file (no FIFO that hangs
/// the run, no device that never ends), no larger than a cap that is checked before a byte is read, and the read itself
/// bounded in case the file grows meanwhile. Each refusal is a sentence the instructor and the student can act on.
/// </summary>
internal static class UntrustedFile
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxTypeSizeInode = 0x1 | 0x100 | 0x200;
    private const ushort FileTypeMask = 0xF000;
    private const ushort RegularFile = 0x8000;
    private const ushort Directory = 0x4000;
    private const ushort SymbolicLink = 0xA000;

    /// <summary>What a path is, without following a link: its type bits, size and inode, or null when it does not
    /// exist.</summary>
    internal readonly record struct Entry(ushort Type, long Size, ulong Inode)
    {
        public bool IsRegularFile => Type == RegularFile;

        public bool IsDirectory => Type == Directory;

        public bool IsSymbolicLink => Type == SymbolicLink;
    }

    /// <summary>True when something (of any type, a dangling link included) is at <paramref name="path"/>.</summary>
    public static bool Exists(string path) => Inspect(path) is not null;

    /// <summary>
    /// The bytes of <paramref name="path"/>, or why they cannot be read. <paramref name="trustedRoot"/> is the folder
    /// the instructor named (the submissions folder): it and the folders above it may be links, nothing below it may.
    /// </summary>
    public static (byte[]? Content, string? Problem) Read(string trustedRoot, string path, long maxBytes)
    {
        var root = Path.GetFullPath(trustedRoot).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(root, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return (null, $"{path} is outside the submissions folder {trustedRoot}.");
        }

        var current = root;
        var parts = relative.Split(Path.DirectorySeparatorChar);
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            var entry = Inspect(current);
            var shown = Path.GetRelativePath(root, current);
            if (entry is not { } found)
            {
                return (null, $"{shown} does not exist.");
            }

            if (found.IsSymbolicLink)
            {
                return (null,
                    $"{shown} is a symbolic link; submissions must be real files and folders " +
                    "(a link could point at someone else's work). Replace it with the file itself.");
            }

            if (i < parts.Length - 1 && !found.IsDirectory)
            {
                return (null, $"{shown} is not a folder.");
            }

            if (i == parts.Length - 1 && !found.IsRegularFile)
            {
                return (null,
                    $"{shown} is not a regular file (a pipe, device or folder); submit the notebook file itself.");
            }

            if (i == parts.Length - 1 && found.Size > maxBytes)
            {
                return (null,
                    $"{shown} is {Megabytes(found.Size)} MB; the grader reads notebooks up to " +
                    $"{Megabytes(maxBytes)} MB. Clear large outputs (Clear All Outputs) and submit again.");
            }
        }

        return ReadBounded(full, Path.GetRelativePath(root, full), maxBytes);
    }

    private static (byte[]? Content, string? Problem) ReadBounded(string path, string shown, long maxBytes)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            // The checks above named a path; this one looks at what was actually opened.
            if (OperatingSystem.IsLinux() && InspectOpen(handle) is not { IsRegularFile: true })
            {
                return (null, $"{shown} changed into something other than a regular file while it was read.");
            }

            var buffer = new byte[Math.Min(maxBytes + 1, RandomAccess.GetLength(handle) + 1)];
            var filled = 0;
            while (filled < buffer.Length)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(filled), filled);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            if (filled > maxBytes || filled == buffer.Length)
            {
                return (null,
                    $"{shown} grew while it was read, past {Megabytes(maxBytes)} MB or its own size; " +
                    "submit a finished file.");
            }

            return (buffer[..filled], null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{shown} could not be read: {e.Message}");
        }
    }

    /// <summary>The entry at <paramref name="path"/> without following a final link, or null when there is
    /// none.</summary>
    internal static Entry? Inspect(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere only what .NET tells: links and folders; everything else counts as a regular file.
            var info = new FileInfo(path);
            return !info.Exists && !System.IO.Directory.Exists(path) && info.LinkTarget is null
                ? null
                : new Entry(
                    info.LinkTarget is not null ? SymbolicLink
                        : System.IO.Directory.Exists(path) ? Directory
                        : RegularFile,
                    info.Exists ? info.Length : 0,
                    0);
        }

        var buffer = new byte[256];
        return Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxTypeSizeInode, buffer) == 0
            ? Decode(buffer)
            : null;
    }

    private static Entry? InspectOpen(SafeFileHandle handle)
    {
        var buffer = new byte[256];
        return Statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxTypeSizeInode, buffer) == 0
            ? Decode(buffer)
            : null;
    }

    // struct statx has one layout on every Linux architecture: stx_mode (u16) at 28, stx_ino (u64) at 32, stx_size
    // (u64) at 40.
    private static Entry Decode(byte[] statx) => new(
        (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(statx.AsSpan(28)) & FileTypeMask),
        (long)BinaryPrimitives.ReadUInt64LittleEndian(statx.AsSpan(40)),
        BinaryPrimitives.ReadUInt64LittleEndian(statx.AsSpan(32)));

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(
        int directory,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        int flags,
        uint mask,
        byte[] buffer);
}
