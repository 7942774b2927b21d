namespace Grading.Notebooks;

/// <summary>
/// The helper scripts a course notebook <c>#load</c>s (<c>CourseCharts.csx</c>): every <c>*.csx</c> file in the
/// notebook's folder. The release ships them with the notebooks; autograde writes the instructor's copy beside the
/// notebook it runs, so a submission cannot bring its own.
/// </summary>
internal static class SupportFiles
{
    /// <summary>The <c>*.csx</c> files in the folder of <paramref name="notebookPath"/>: file name → text, in ordinal
    /// order.</summary>
    public static SortedDictionary<string, string> Beside(string notebookPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.csx"))
        {
            files[Path.GetFileName(file)] = File.ReadAllText(file);
        }

        return files;
    }
}
