using System.Text.Json;
using AllexPortal.Core.Portfolio;
using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Tests.Portfolio;

namespace AllexPortal.Web.Tests.Amounts;

/// <summary>
/// <see cref="PortfolioShares"/> built from a real valuation of the sandbox's demo account: everything a member
/// without amounts may see is there, and no balance, price or value is, however it is spelled.
/// </summary>
public sealed class PortfolioSharesTests(FrozenClockDashboardPortal portal) : IClassFixture<FrozenClockDashboardPortal>
{
    [Fact]
    public async Task No_balance_price_or_value_of_the_valuation_survives_into_the_shares()
    {
        await using var viewer = await portal.NewViewerAsync();
        var overview = await viewer.LoadAsync();
        var amounts = AmountStrings.OfAll(AmountsOf(overview));

        var json = JsonSerializer.Serialize(PortfolioShares.Of(overview));

        Assert.NotEmpty(amounts);
        Assert.Empty(AmountStrings.FoundIn(json, amounts));
    }

    [Fact]
    public async Task The_same_amounts_are_found_in_the_valuation_itself()
    {
        await using var viewer = await portal.NewViewerAsync();
        var overview = await viewer.LoadAsync();
        var amounts = AmountStrings.OfAll(AmountsOf(overview));

        var json = JsonSerializer.Serialize(overview);

        Assert.NotEmpty(AmountStrings.FoundIn(json, amounts));
    }

    [Fact]
    public async Task Each_coin_keeps_its_share_rounded_to_a_hundredth_of_a_percent()
    {
        await using var viewer = await portal.NewViewerAsync();
        var overview = await viewer.LoadAsync();

        var shares = PortfolioShares.Of(overview);

        Assert.Equal(
            overview.Combined.Rows.Select(r => (r.Coin, Math.Round(r.Share, 4, MidpointRounding.AwayFromZero), r.ChangePercent24h is { } c ? Math.Round(c, 2, MidpointRounding.AwayFromZero) : (decimal?)null)),
            shares.Combined.Rows.Select(r => (r.Coin, r.Share, r.ChangePercent24h)));
        Assert.InRange(shares.Combined.Rows.Sum(r => r.Share), 0.99m, 1.01m);
    }

    [Fact]
    public async Task Two_connections_of_one_account_each_hold_half_of_the_whole()
    {
        await using var viewer = await portal.NewViewerAsync();
        await portal.AddDemoConnectionAsync(viewer.UserId, "Second key", TestContext.Current.CancellationToken);
        var overview = await viewer.LoadAsync();

        var shares = PortfolioShares.Of(overview);

        Assert.Equal([0.5m, 0.5m], shares.Connections.Select(c => c.Share));
        Assert.Equal(AllocationShares.ChangeOf(overview.Combined.Rows), shares.Combined.ChangePercent24h);
    }

    /// <summary>Every amount of the overview: each coin's balances, price and value, each connection's and the combined total.</summary>
    internal static IEnumerable<decimal> AmountsOf(PortfolioOverview overview)
    {
        var valuations = overview.Connections.Select(c => c.Valuation).OfType<PortfolioValuation>().Append(overview.Combined);
        foreach (var valuation in valuations)
        {
            yield return valuation.Total;
            foreach (var row in valuation.Rows)
            {
                yield return row.Available;
                yield return row.InOrders;
                yield return row.Total;
                if (row.IsPriced)
                {
                    yield return row.Price!.Value;
                    yield return row.Value!.Value;
                }
            }
        }
    }
}
