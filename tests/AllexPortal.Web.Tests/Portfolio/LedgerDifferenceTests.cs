namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>The dashboard's comparison of the rebuilt ledger with the exchange's balances.</summary>
public sealed class LedgerDifferenceTests(LedgerValuePortal portal) : IClassFixture<LedgerValuePortal>
{
    [Fact]
    public async Task A_complete_ledger_that_matches_the_exchange_shows_no_difference()
    {
        await using var viewer = await portal.NewViewerAsync();
        await portal.SeedLedgerAsync(viewer.ConnectionId);

        var overview = await viewer.LoadAsync();

        Assert.Empty(overview.LedgerDifferences);
    }

    [Fact]
    public async Task A_deposit_the_ledger_lacks_shows_as_a_difference_in_its_coin()
    {
        await using var viewer = await portal.NewViewerAsync("Main");
        var missing = portal.Sandbox.DepositsOf(portal.DemoEmail).First(d => d.Currency == "btc");
        await portal.SeedLedgerAsync(viewer.ConnectionId, d => d.Id == missing.Id);
        var balance = portal.Sandbox.BalancesOf(portal.DemoEmail).Single(b => b.Coin == "btc").Balance;

        var overview = await viewer.LoadAsync();

        var connection = Assert.Single(overview.LedgerDifferences);
        Assert.Equal(("Main", portal.Now), (connection.Label, connection.LedgerSyncedAt));
        var btc = Assert.Single(connection.Differences);
        Assert.Equal(("btc", balance - missing.Amount, balance, missing.Amount), (btc.Coin, btc.Ledger, btc.Exchange, btc.Difference));
    }

    [Fact]
    public async Task A_connection_without_a_complete_ledger_is_not_compared()
    {
        await using var viewer = await portal.NewViewerAsync();

        var overview = await viewer.LoadAsync();

        Assert.Empty(overview.LedgerDifferences);
        Assert.NotNull(Assert.Single(overview.Connections).Valuation);
    }
}
