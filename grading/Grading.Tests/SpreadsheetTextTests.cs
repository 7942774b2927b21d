using Grading.Exports;

namespace Grading.Tests;

/// <summary>CSV cells a spreadsheet opens never start a formula.</summary>
public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+CMD", "'+CMD")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("'=1", "''=1")]
    [InlineData("alice", "alice")]
    [InlineData("it's", "it's")]
    [InlineData("", "")]
    public void Text_IsEscapedOnlyWhenASpreadsheetWouldReadAFormula_AndRoundTrips(string text, string escaped)
    {
        Assert.Equal(escaped, SpreadsheetText.Escape(text));
        Assert.Equal(text, SpreadsheetText.Unescape(SpreadsheetText.Escape(text)));
    }
}
