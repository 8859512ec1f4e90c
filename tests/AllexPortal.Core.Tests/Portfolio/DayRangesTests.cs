using System.Globalization;
using AllexPortal.Core.Portfolio;

namespace AllexPortal.Core.Tests.Portfolio;

public sealed class DayRangesTests
{
    private static readonly PairRange[] Tickers =
    [
        new("btc-usdt", 50000m, 60000m),
        new("eth-usdt", 2000m, 3000m),
        new("eth-btc", 0.04m, 0.05m),
        new("xrp-usdt", null, 0.5m),
    ];

    [Theory]
    [InlineData("btc", "usdt", "50000", "60000")]
    [InlineData("eth", "btc", "0.04", "0.05")]
    [InlineData("btc", "eth", "25", "20")]
    [InlineData("usdt", "btc", "0.00002", "0.0000166666666666666666666667")]
    [InlineData("usdt", "usdt", "1", "1")]
    public void A_coin_is_ranged_by_its_direct_or_inverse_pair_or_through_usdt(string coin, string quote, string open, string close)
    {
        var ranges = DayRanges.InQuote([coin], quote, Tickers);

        Assert.Equal(new DayRange(D(open), D(close)), ranges[coin]);
    }

    [Theory]
    [InlineData("xrp", "usdt")]
    [InlineData("sol", "usdt")]
    [InlineData("btc", "sol")]
    public void A_coin_without_a_complete_route_has_no_range(string coin, string quote)
    {
        Assert.False(DayRanges.InQuote([coin], quote, Tickers).ContainsKey(coin));
    }

    [Theory]
    [InlineData("100", "110", "10")]
    [InlineData("110", "99", "-10")]
    [InlineData("0", "1", null)]
    public void The_change_is_close_against_open_in_percent(string open, string close, string? percent)
    {
        Assert.Equal(percent is null ? null : D(percent), new DayRange(D(open), D(close)).ChangePercent);
    }

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
