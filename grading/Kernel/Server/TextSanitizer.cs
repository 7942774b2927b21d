using System.Text;

namespace NotebookKernel.Server;

/// <summary>Text for JSON on the wire: lone UTF-16 surrogates (a string cut mid-pair) become U+FFFD.</summary>
internal static class TextSanitizer
{
    /// <summary>The text itself when well-formed (the common case, no copy), else a repaired copy.</summary>
    public static string WellFormed(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }
}
