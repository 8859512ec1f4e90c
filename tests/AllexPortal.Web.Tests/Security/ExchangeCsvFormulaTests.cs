using System.Text;
using AllexPortal.Web.History;

namespace AllexPortal.Web.Tests.Security;

/// <summary>The exchange's CSV passes through with formula cells neutralised as in the portal's own exports, and
/// nothing else changed (issue 15, findings 1 and 10).</summary>
public sealed class ExchangeCsvFormulaTests
{
    [Theory]
    [InlineData("side,note\nbuy,=HYPERLINK(\"http://x\")\n", "side,note\nbuy,'=HYPERLINK(\"http://x\")\n")]
    [InlineData("a,b\r\n+cmd|' /C calc'!A0,@SUM(1)\r\n", "a,b\r\n'+cmd|' /C calc'!A0,'@SUM(1)\r\n")]
    [InlineData("a\n\"=1+2\"\n", "a\n\"'=1+2\"\n")]
    [InlineData("a\n\"\tx\"\n", "a\n\"'\tx\"\n")]
    [InlineData("a,b\n\"-x, \"\"quoted\"\"\",-y", "a,b\n\"'-x, \"\"quoted\"\"\",'-y")]
    public void Formula_cells_get_a_leading_apostrophe(string csv, string expected)
    {
        Assert.Equal(expected, Neutralise(csv, chunk: 3));
        Assert.Equal(expected, Neutralise(csv, chunk: csv.Length));
    }

    [Theory]
    [InlineData("size,price,fee\n-0.5,68000.1,+1e-7\n")]
    [InlineData("id,symbol,timestamp\n6a8f,btc-usdt,2026-03-28T12:00:00.000Z\n")]
    [InlineData("a,,c\n,\"\",\n")]
    [InlineData("")]
    public void Numbers_and_plain_text_arrive_unchanged(string csv) =>
        Assert.Equal(csv, Neutralise(csv, chunk: 2));

    private static string Neutralise(string csv, int chunk)
    {
        var neutraliser = new CsvFormulaNeutraliser();
        var output = new StringBuilder();
        for (var i = 0; i < csv.Length; i += Math.Max(1, chunk))
        {
            neutraliser.Push(csv.AsSpan(i, Math.Min(Math.Max(1, chunk), csv.Length - i)), output);
        }

        neutraliser.Complete(output);
        return output.ToString();
    }
}
