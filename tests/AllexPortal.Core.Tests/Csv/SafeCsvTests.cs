using System.Globalization;
using AllexPortal.Core.Csv;
using CsvHelper;

namespace AllexPortal.Core.Tests.Csv;

public sealed class SafeCsvTests
{
    private sealed record Row(string Text, decimal Amount, DateTimeOffset Time, DateTimeOffset? Settled);

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public void Text_that_starts_like_a_formula_is_written_as_text(string payload)
    {
        var cells = WriteAndReadBack(new Row(payload, 1m, DateTimeOffset.UnixEpoch, null));

        Assert.Equal("'" + payload, cells[0]);
    }

    [Fact]
    public void Ordinary_text_negative_amounts_and_times_are_written_plainly()
    {
        var time = new DateTimeOffset(2026, 3, 28, 14, 0, 0, 250, TimeSpan.FromHours(2));

        var cells = WriteAndReadBack(new Row("btc-usdt", -12.50m, time, null));

        Assert.Equal(["btc-usdt", "-12.50", "2026-03-28T12:00:00.250Z", ""], cells);
    }

    [Fact]
    public void The_header_names_the_columns()
    {
        using var text = new StringWriter();
        using (var csv = SafeCsv.CreateWriter(text, leaveOpen: true))
        {
            csv.WriteRecords([new Row("a", 1m, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)]);
        }

        Assert.StartsWith("Text,Amount,Time,Settled", text.ToString(), StringComparison.Ordinal);
    }

    private static string[] WriteAndReadBack(Row row)
    {
        using var text = new StringWriter();
        using (var csv = SafeCsv.CreateWriter(text, leaveOpen: true))
        {
            csv.WriteRecords([row]);
        }

        using var reader = new CsvReader(new StringReader(text.ToString()), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        reader.Read();
        return Enumerable.Range(0, 4).Select(i => reader.GetField(i)!).ToArray();
    }
}
