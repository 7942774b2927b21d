using System.Text;

namespace Grading.Notebooks;

/// <summary>Writes a file so readers see the old or the new content, never half: a temp file beside it, then a
/// rename.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> as UTF-8 without a BOM, replacing the file in one rename.</summary>
    public static void WriteAllText(string path, string content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Same folder as the target: a rename within one file system is atomic, across file systems it is a copy.
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            // Only left behind when the write or the rename failed.
            File.Delete(temp);
        }
    }
}
