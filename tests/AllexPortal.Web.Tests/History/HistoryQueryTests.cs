using AllexPortal.Exchange.Market;
using AllexPortal.Web.History;
using CsCheck;
using Microsoft.AspNetCore.WebUtilities;

namespace AllexPortal.Web.Tests.History;

/// <summary>The query string a grid's Download link carries: round trip and validation at the edge.</summary>
public sealed class HistoryQueryTests
{
    [Fact]
    public void Any_normalised_query_survives_the_round_trip_through_its_query_string()
    {
        var text = Gen.String[Gen.Char["abc-_%=+ 0123xyzäé"], 0, 12];
        var time = Gen.Select(Gen.Int[0, 2], Gen.Long[0, 3_000_000_000_000],
            (none, ms) => none == 0 ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(ms).AddTicks(ms % 7 * 1000));
        var gen = Gen.Select(
            Gen.Guid.Array[0, 3], text.Null(), Gen.OneOf<OrderSide?>(null, OrderSide.Buy, OrderSide.Sell), text.Null(),
            Gen.Select(time, time), text.Null(), Gen.OneOf<string?>(null, "time", "amount", "symbol"),
            Gen.Select(Gen.Bool, Gen.Int[0, 1000], Gen.Int[10, 500]),
            (connections, symbol, side, status, window, search, sort, paging) => new HistoryQuery
            {
                Connections = connections,
                Symbol = symbol,
                Side = side,
                Status = status,
                From = window.Item1 <= window.Item2 || window.Item2 is null ? window.Item1 : window.Item2,
                To = window.Item1 <= window.Item2 || window.Item2 is null ? window.Item2 : window.Item1,
                Search = search,
                Sort = sort,
                Descending = paging.Item1,
                Page = paging.Item2,
                PageSize = paging.Item3,
            }.Normalised());

        gen.Sample(query =>
        {
            var parsed = HistoryQuery.TryParse(QueryHelpers.ParseQuery(query.ToQueryString()), out var back, out var error);

            Assert.True(parsed, error);
            Assert.Equal(query.Connections, back.Connections);
            Assert.Equal(query with { Connections = [] }, back with { Connections = [] });
        }, iter: 500, print: q => q.ToQueryString());
    }

    [Theory]
    [InlineData("connection=42", "'42' is not a connection id.")]
    [InlineData("side=up", "Unknown side 'up'. Use buy or sell.")]
    [InlineData("side=1", "Unknown side '1'. Use buy or sell.")]
    [InlineData("from=yesterday", "'from' is not a date and time (use ISO-8601, e.g. 2026-01-31T00:00:00Z).")]
    [InlineData("from=2026-02-01&to=2026-01-31", "'from' must not be later than 'to'.")]
    [InlineData("page=-1", "'page' must be a whole number.")]
    [InlineData("desc=maybe", "'desc' must be true or false.")]
    public void A_query_string_that_makes_no_sense_is_refused_with_the_reason(string text, string message)
    {
        var parsed = HistoryQuery.TryParse(QueryHelpers.ParseQuery(text), out _, out var error);

        Assert.False(parsed);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Page_size_is_clamped_and_text_is_trimmed_and_lower_cased()
    {
        var parsed = HistoryQuery.TryParse(QueryHelpers.ParseQuery("size=100000&symbol=%20BTC-USDT%20&status=Open&search=%20ord-1%20"), out var query, out _);

        Assert.True(parsed);
        Assert.Equal(HistoryQuery.MaxPageSize, query.PageSize);
        Assert.Equal("btc-usdt", query.Symbol);
        Assert.Equal("open", query.Status);
        Assert.Equal("ord-1", query.Search);
    }

    [Fact]
    public void Dates_without_an_offset_are_read_as_utc()
    {
        HistoryQuery.TryParse(QueryHelpers.ParseQuery("from=2026-03-01T10:00:00"), out var query, out _);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), query.From);
    }

    [Theory]
    [InlineData("symbol", null)]
    [InlineData("password", "Unknown sort column 'password'. Use one of: time, symbol, side, size, price, amount, fee.")]
    public void Validation_knows_the_sort_columns_of_each_history(string sort, string? message)
    {
        var query = new HistoryQuery { Sort = sort }.Normalised();

        Assert.Equal(message, query.Validate(HistoryColumns.Trades));
    }

    [Fact]
    public void A_cursor_reads_back_as_the_time_and_id_it_was_written_from()
    {
        var cursor = new HistoryCursor(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), 4242);

        Assert.True(HistoryCursor.TryParse(cursor.ToString(), out var back));
        Assert.Equal(cursor, back);
        Assert.False(HistoryCursor.TryParse("12.x", out _));
        Assert.False(HistoryCursor.TryParse("-1.2", out _));
    }
}
