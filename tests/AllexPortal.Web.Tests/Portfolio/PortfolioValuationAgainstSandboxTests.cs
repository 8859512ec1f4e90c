using System.Globalization;
using System.Text.Json;
using AllexPortal.Web.Portfolio;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>The dashboard's numbers against the sandbox's own truth, over real HTTP.</summary>
public sealed class PortfolioValuationAgainstSandboxTests(FrozenClockDashboardPortal portal) : IClassFixture<FrozenClockDashboardPortal>
{
    [Fact]
    public async Task Total_equals_the_sum_of_each_sandbox_balance_times_its_oracle_price()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var viewer = await portal.NewViewerAsync();
        var balances = portal.Sandbox.BalancesOf(portal.Sandbox.Options.Demo.Email).Where(b => b.Balance != 0m).ToList();
        var prices = await OraclePricesAsync(balances.Select(b => b.Coin).Where(c => c != "usdt"), cancellationToken);
        var expected = balances.Sum(b => b.Balance * (b.Coin == "usdt" ? 1m : prices[b.Coin]));

        var overview = await viewer.LoadAsync();

        Assert.True(expected > 0m);
        Assert.Equal(expected, overview.Combined.Total);
        Assert.Equal(expected, Assert.Single(overview.Connections).Valuation!.Total);
    }

    [Fact]
    public async Task Two_connections_show_each_and_their_sum()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var viewer = await portal.NewViewerAsync("First");
        await portal.AddDemoConnectionAsync(viewer.UserId, "Second", cancellationToken);

        var overview = await viewer.LoadAsync();

        Assert.Equal(["First", "Second"], overview.Connections.Select(c => c.Connection.Label));
        Assert.Equal(overview.Connections.Sum(c => c.Valuation!.Total), overview.Combined.Total);
        Assert.Equal(overview.Connections[0].Valuation!.Total * 2, overview.Combined.Total);
    }

    /// <summary>The test's own look-up of <c>/oracle/prices</c>, without the portal's client, cache or valuation.</summary>
    private async Task<Dictionary<string, decimal>> OraclePricesAsync(IEnumerable<string> coins, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = portal.Address };
        var json = await http.GetStringAsync(new Uri($"/sandbox/v2/oracle/prices?assets={string.Join(',', coins)}&quote=usdt", UriKind.Relative), cancellationToken);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name, p => decimal.Parse(p.Value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
