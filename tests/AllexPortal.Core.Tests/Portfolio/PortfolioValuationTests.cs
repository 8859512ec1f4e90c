using System.Globalization;
using AllexPortal.Core.Portfolio;

namespace AllexPortal.Core.Tests.Portfolio;

public sealed class PortfolioValuationTests
{
    private static readonly Dictionary<string, decimal> Prices = new()
    {
        ["btc"] = 60000m,
        ["eth"] = 3000m,
        ["xrp"] = -1m,
        ["sol"] = 0m,
    };

    private static PortfolioValuation Value(decimal dust = 0m, params Holding[] holdings) => PortfolioValuation.Of(new ValuationInput
    {
        Quote = "usdt",
        Holdings = holdings,
        Prices = Prices,
        Names = new Dictionary<string, string> { ["btc"] = "Bitcoin" },
        DayRanges = new Dictionary<string, DayRange> { ["btc"] = new(50000m, 60000m) },
        DustThreshold = dust,
    });

    [Theory]
    [InlineData("btc", "0.5", "0.25", "60000", "30000")]
    [InlineData("eth", "2", "2", "3000", "6000")]
    [InlineData("usdt", "100.10", "50", "1", "100.10")]
    [InlineData("BTC", "0.00000001", "0", "60000", "0.0006")]
    public void A_priced_coin_is_worth_its_total_times_the_oracle_price(string coin, string total, string available, string price, string value)
    {
        var result = Value(0m, new Holding(coin, D(available), D(total)));

        var row = Assert.Single(result.Rows);
        Assert.Equal((D(price), D(value), D(total) - D(available)), (row.Price!.Value, row.Value!.Value, row.InOrders));
        Assert.Equal(D(value), result.Total);
    }

    [Theory]
    [InlineData("xrp")]
    [InlineData("sol")]
    [InlineData("doge")]
    public void A_coin_without_a_positive_price_is_shown_flagged_and_not_summed(string coin)
    {
        var result = Value(0m, new Holding(coin, 10m, 10m), new Holding("eth", 1m, 1m));

        Assert.Equal(3000m, result.Total);
        Assert.Equal([coin], result.Unpriced);
        var row = Assert.Single(result.Rows, r => r.Coin == coin);
        Assert.Equal((false, (decimal?)null, 0m), (row.IsPriced, row.Value, row.Share));
    }

    [Fact]
    public void Holdings_of_one_coin_in_several_accounts_are_summed_and_shares_add_up_to_one()
    {
        var result = Value(0m, new Holding("btc", 0.1m, 0.1m), new Holding("btc", 0.1m, 0.2m), new Holding("eth", 6m, 6m));

        Assert.Equal(36000m, result.Total);
        Assert.Equal([("btc", 0.3m, 0.5m), ("eth", 6m, 0.5m)], result.Rows.Select(r => (r.Coin, r.Total, r.Share)));
        Assert.Equal(1m, result.Rows.Sum(r => r.Share));
    }

    [Theory]
    [InlineData("0", 2, 0, "0")]
    [InlineData("10", 1, 1, "6")]
    [InlineData("6", 2, 0, "0")]
    [InlineData("100000", 0, 2, "36006")]
    public void Rows_worth_less_than_the_dust_threshold_are_hidden_but_still_counted(string threshold, int visible, int hidden, string hiddenValue)
    {
        var result = Value(D(threshold), new Holding("btc", 0.6m, 0.6m), new Holding("eth", 0.002m, 0.002m));

        Assert.Equal((visible, hidden, D(hiddenValue)), (result.Rows.Count, result.HiddenDustCount, result.HiddenDustValue));
        Assert.Equal(36006m, result.Total);
    }

    [Fact]
    public void Shares_of_a_zero_total_are_zero()
    {
        var result = Value(0m, new Holding("xrp", 5m, 5m));

        Assert.Equal(0m, result.Total);
        Assert.All(result.Rows, r => Assert.Equal(0m, r.Share));
    }

    [Fact]
    public void Empty_balances_are_left_out()
    {
        var result = Value(0m, new Holding("btc", 0m, 0m));

        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Rows_carry_the_coin_name_and_24h_change_or_fall_back_to_the_symbol()
    {
        var result = Value(0m, new Holding("btc", 1m, 1m), new Holding("eth", 1m, 1m));

        Assert.Equal(
            [("btc", "Bitcoin", (decimal?)20m), ("eth", "ETH", null)],
            result.Rows.Select(r => (r.Coin, r.Name, r.ChangePercent24h)));
    }

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
