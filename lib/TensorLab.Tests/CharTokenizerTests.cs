namespace TensorLab.Tests;

public class CharTokenizerTests
{
    [Fact]
    public void Vocabulary_IsReservedTokensThenDistinctCharactersInOrdinalOrder()
    {
        var tokenizer = new CharTokenizer("banana");
        Assert.Equal(new[] { "<pad>", "<unk>", "a", "b", "n" }, tokenizer.Vocabulary);
        Assert.Equal(5, tokenizer.VocabSize);
    }

    [Fact]
    public void Encode_MapsUnseenCharactersToUnknown()
    {
        var tokenizer = new CharTokenizer("abc");
        Assert.Equal(new[] { 2, 3, 1, 4 }, tokenizer.Encode("abzc"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("vector")]
    [InlineData("the embedding of θ → vector")]
    public void Decode_OfEncode_ReturnsTheText(string text)
    {
        var tokenizer = new CharTokenizer("the embedding of θ → vector");
        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
    }

    [Fact]
    public void Decode_SkipsPaddingAndShowsUnknownAsQuestionMark()
    {
        var tokenizer = new CharTokenizer("ab");
        Assert.Equal("a?b", tokenizer.Decode([2, CharTokenizer.Pad, CharTokenizer.Unknown, 3, CharTokenizer.Pad]));
    }

    [Fact]
    public void Decode_ThrowsForIdOutsideVocabulary()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CharTokenizer("ab").Decode([2, 9]));
        Assert.Contains("Token id 9 at position 1", error.Message);
    }

    [Fact]
    public void Encode_IntoSpan_ThrowsForWrongLength() =>
        Assert.Throws<ArgumentException>(() => new CharTokenizer("ab").Encode("abc", new int[2]));

    [Fact]
    public void TokenText_NamesReservedTokens()
    {
        var tokenizer = new CharTokenizer("x");
        Assert.Equal("<pad>", tokenizer.TokenText(CharTokenizer.Pad));
        Assert.Equal("x", tokenizer.TokenText(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.TokenText(3));
    }
}
