using AllexPortal.Core.Portfolio;

namespace AllexPortal.Core.Tests.Portfolio;

public sealed class AllocationSharesTests
{
    private static PortfolioValuation Value(decimal dust, params Holding[] holdings) => PortfolioValuation.Of(new ValuationInput
    {
        Quote = "usdt",
        Holdings = holdings,
        Prices = new Dictionary<string, decimal> { ["btc"] = 60000m, ["eth"] = 3000m },
        Names = new Dictionary<string, string> { ["btc"] = "Bitcoin" },
        DayRanges = new Dictionary<string, DayRange>
        {
            ["btc"] = new(50000m, 60000m),
            ["eth"] = new(3000m, 2700m),
            ["usdt"] = new(1m, 1m),
        },
        DustThreshold = dust,
    });

    [Fact]
    public void Each_coin_keeps_its_share_and_change_in_the_valuations_order()
    {
        var valuation = Value(0m, new Holding("btc", 0.5m, 0.5m), new Holding("eth", 5m, 5m), new Holding("usdt", 15000m, 15000m));

        var shares = AllocationShares.Of(valuation);

        Assert.Equal(
            [("btc", "Bitcoin", 0.5m, (decimal?)20m), ("eth", "ETH", 0.25m, -10m), ("usdt", "USDT", 0.25m, 0m)],
            shares.Rows.Select(r => (r.Coin, r.Name, r.Share, r.ChangePercent24h)));
    }

    [Fact]
    public void Shares_are_rounded_to_a_hundredth_of_a_percent()
    {
        var valuation = Value(0m, new Holding("usdt", 1m, 1m), new Holding("eth", 1m, 1m));

        var shares = AllocationShares.Of(valuation);

        Assert.Equal([0.9997m, 0.0003m], shares.Rows.Select(r => r.Share));
    }

    [Fact]
    public void The_portfolio_change_compares_the_same_holdings_at_yesterdays_prices()
    {
        // Now: btc 30,000 (was 25,000 at yesterday's price), eth 15,000 (was 16,666.67): 45,000 against 41,666.67.
        var valuation = Value(0m, new Holding("btc", 0.5m, 0.5m), new Holding("eth", 5m, 5m));

        var shares = AllocationShares.Of(valuation);

        Assert.Equal(8m, shares.ChangePercent24h);
    }

    [Fact]
    public void Coins_without_a_known_change_are_left_out_of_the_portfolio_change()
    {
        var rows = new[]
        {
            new AssetRow("btc", "Bitcoin", 1m, 0m, 1m, 60000m, 60000m, 0.5m, 20m),
            new AssetRow("new", "NEW", 1m, 0m, 1m, 60000m, 60000m, 0.5m, null),
        };

        Assert.Equal(20m, AllocationShares.ChangeOf(rows));
    }

    [Fact]
    public void A_portfolio_with_no_known_change_has_none()
    {
        var rows = new[] { new AssetRow("new", "NEW", 1m, 0m, 1m, 5m, 5m, 1m, null) };

        Assert.Null(AllocationShares.ChangeOf(rows));
    }

    [Fact]
    public void An_unpriced_coin_is_listed_without_a_share()
    {
        var valuation = Value(0m, new Holding("btc", 1m, 1m), new Holding("xyz", 7m, 7m));

        var shares = AllocationShares.Of(valuation);

        Assert.Equal([("btc", 1m, true), ("xyz", 0m, false)], shares.Rows.Select(r => (r.Coin, r.Share, r.IsPriced)));
        Assert.Equal(["xyz"], shares.Unpriced);
    }

    [Fact]
    public void Hidden_dust_is_counted()
    {
        var valuation = Value(1m, new Holding("btc", 1m, 1m), new Holding("usdt", 0.5m, 0.5m));

        var shares = AllocationShares.Of(valuation);

        Assert.Equal((1, 1), (shares.Rows.Count, shares.HiddenDustCount));
    }

    [Theory]
    [InlineData("25", "100", "0.25")]
    [InlineData("1", "3", "0.3333")]
    [InlineData("0", "10", "0")]
    public void A_part_is_shared_of_a_positive_whole(string part, string whole, string share)
    {
        Assert.Equal(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture),
            AllocationShares.ShareOf(decimal.Parse(part, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(whole, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(null, "100")]
    [InlineData("5", null)]
    [InlineData("5", "0")]
    public void A_share_of_an_unknown_or_empty_whole_is_unknown(string? part, string? whole)
    {
        Assert.Null(AllocationShares.ShareOf(Parse(part), Parse(whole)));
    }

    private static decimal? Parse(string? text) => text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
