namespace TensorLab;

/// <summary>
/// The simplest tokenizer: one token per character of a fixed alphabet, learned from a corpus, with two reserved
/// ids: <see cref="Pad"/> (fills short sequences) and <see cref="Unknown"/> (characters the corpus never showed).
/// </summary>
/// <remarks>PyTorch equivalent: none; a character-level vocabulary as in nanoGPT's shakespeare_char.</remarks>
public sealed class CharTokenizer
{
    /// <summary>The id of the padding token.</summary>
    public const int Pad = 0;

    /// <summary>The id every unseen character maps to.</summary>
    public const int Unknown = 1;

    private const string PadText = "<pad>";
    private const string UnknownText = "<unk>";
    private readonly Dictionary<char, int> ids = [];
    private readonly List<string> vocabulary = [PadText, UnknownText];

    /// <summary>Builds the vocabulary: the reserved tokens, then the distinct characters of <paramref name="corpus"/>
    /// in ordinal order.</summary>
    /// <param name="corpus">Text whose characters form the alphabet.</param>
    /// <exception cref="ArgumentNullException"><paramref name="corpus"/> is null.</exception>
    public CharTokenizer(string corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        foreach (var character in corpus.Distinct().Order())
        {
            ids[character] = vocabulary.Count;
            vocabulary.Add(character.ToString());
        }
    }

    /// <summary>The number of ids, reserved tokens included.</summary>
    public int VocabSize => vocabulary.Count;

    /// <summary>The text of every id, in id order.</summary>
    public IReadOnlyList<string> Vocabulary => vocabulary;

    /// <summary>One id per character; characters outside the vocabulary become <see cref="Unknown"/>.</summary>
    /// <param name="text">The text to encode.</param>
    /// <returns>A new array of text.Length ids.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new int[text.Length];
        Encode(text, result);
        return result;
    }

    /// <summary>Writes one id per character into <paramref name="destination"/>; allocates nothing.</summary>
    /// <param name="text">The text to encode.</param>
    /// <param name="destination">Exactly text.Length ids.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not text.Length long.</exception>
    public void Encode(string text, Span<int> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (destination.Length != text.Length)
        {
            ThrowHelper.DestinationLength(nameof(destination), text.Length, destination.Length, "one id per character");
        }

        for (var i = 0; i < text.Length; i++)
        {
            destination[i] = ids.GetValueOrDefault(text[i], Unknown);
        }
    }

    /// <summary>The text of <paramref name="tokenIds"/>: padding is skipped, unknown tokens print as '?'.</summary>
    /// <param name="tokenIds">Ids in [0, VocabSize).</param>
    /// <returns>The decoded text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside the vocabulary.</exception>
    public string Decode(ReadOnlySpan<int> tokenIds)
    {
        var text = new System.Text.StringBuilder(tokenIds.Length);
        for (var i = 0; i < tokenIds.Length; i++)
        {
            var id = tokenIds[i];
            if ((uint)id >= (uint)VocabSize)
            {
                ThrowHelper.IdOutOfRange(nameof(tokenIds), id, i, VocabSize);
            }

            if (id != Pad)
            {
                text.Append(id == Unknown ? "?" : vocabulary[id]);
            }
        }

        return text.ToString();
    }

    /// <summary>The vocabulary entry of <paramref name="id"/> ("&lt;pad&gt;",
    /// "&lt;unk&gt;" or the character).</summary>
    /// <param name="id">An id in [0, VocabSize).</param>
    /// <returns>The token's text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The id is outside the vocabulary.</exception>
    public string TokenText(int id)
    {
        if ((uint)id >= (uint)VocabSize)
        {
            ThrowHelper.IdOutOfRange(nameof(id), id, 0, VocabSize);
        }

        return vocabulary[id];
    }
}
