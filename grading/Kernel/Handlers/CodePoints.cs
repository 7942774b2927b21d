namespace NotebookKernel.Handlers;

/// <summary>Jupyter cursor positions (Unicode code points, protocol 5.2) ↔ C# string indices (UTF-16 units).</summary>
internal static class CodePoints
{
    /// <summary>The UTF-16 index of code point <paramref name="codePoints"/>, clamped to the text.</summary>
    public static int ToUtf16(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index])
                     && index + 1 < text.Length
                     && char.IsLowSurrogate(text[index + 1])
                ? 2
                : 1;
        }

        return index;
    }

    /// <summary>The number of code points before UTF-16 index <paramref name="utf16"/>.</summary>
    public static int FromUtf16(string text, int utf16)
    {
        var count = 0;
        for (var index = 0; index < Math.Min(utf16, text.Length); index++)
        {
            if (!(char.IsLowSurrogate(text[index]) && index > 0 && char.IsHighSurrogate(text[index - 1])))
            {
                count++;
            }
        }

        return count;
    }
}
