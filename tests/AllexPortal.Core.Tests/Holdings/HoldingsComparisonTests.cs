using AllexPortal.Core.Holdings;

namespace AllexPortal.Core.Tests.Holdings;

/// <summary>Ledger-rebuilt holdings against the exchange's balances.</summary>
public sealed class HoldingsComparisonTests
{
    [Fact]
    public void Equal_holdings_have_no_difference()
    {
        var amounts = new Dictionary<string, decimal> { ["btc"] = 0.5m, ["usdt"] = 10m };

        Assert.Empty(HoldingsComparison.Differences(amounts, new Dictionary<string, decimal>(amounts)));
    }

    [Fact]
    public void A_coin_missing_on_one_side_and_an_amount_that_differs_are_listed_by_coin_with_signed_differences()
    {
        var ledger = new Dictionary<string, decimal> { ["btc"] = 0.5m, ["eth"] = 2m, ["usdt"] = 10m };
        var exchange = new Dictionary<string, decimal> { ["BTC"] = 0.5m, ["usdt"] = 12.5m, ["xht"] = 100m };

        var differences = HoldingsComparison.Differences(ledger, exchange);

        Assert.Equal(
            [new HoldingDifference("eth", 2m, 0m), new HoldingDifference("usdt", 10m, 12.5m), new HoldingDifference("xht", 0m, 100m)],
            differences);
        Assert.Equal([-2m, 2.5m, 100m], differences.Select(d => d.Difference));
    }
}
