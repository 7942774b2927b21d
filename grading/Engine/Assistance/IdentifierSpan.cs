using Microsoft.CodeAnalysis.CSharp;

namespace NotebookEngine;

/// <summary>The identifier a cursor sits in or right after, found in the text (UTF-16 indices).</summary>
internal static class IdentifierSpan
{
    /// <summary>
    /// Start and end of the identifier around <paramref name="cursor"/> (both the cursor when there is none), or null
    /// when the cursor is in a number (1.5, 0x1F), where no name can be typed.
    /// </summary>
    /// <remarks>Roslyn takes identifier characters from the basic plane only,
    /// so a surrogate pair always ends a name.</remarks>
    public static (int Start, int End)? Around(string code, int cursor)
    {
        var start = cursor;
        while (start > 0 && SyntaxFacts.IsIdentifierPartCharacter(code[start - 1]))
        {
            start--;
        }

        var end = cursor;
        while (end < code.Length && SyntaxFacts.IsIdentifierPartCharacter(code[end]))
        {
            end++;
        }

        return start < end && char.IsAsciiDigit(code[start]) ? null : (start, end);
    }
}
