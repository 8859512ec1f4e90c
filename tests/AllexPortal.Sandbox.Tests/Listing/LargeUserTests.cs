using System.Net;
using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Listing;

/// <summary>The benchmark user's history is served page by page, deep pages included. How fast is measured
/// in bench/ (docs/benchmarks.md), not asserted here.</summary>
public sealed class LargeUserTests
{
    [Fact]
    public async Task Deep_pages_of_a_large_history_are_served()
    {
        await using var server = await SandboxApi.StartAsync(o =>
        {
            o.Large.Enabled = true;
            o.Large.TradeCount = 200_000;
        });
        using var api = new SandboxApi(server);
        var large = server.Exchange.Options.Large;

        using var trades = await api.SignedAsync(HttpMethod.Get, "v2/user/trades?limit=50&page=3000", large.ApiKey, large.ApiSecret);
        using var orders = await api.SignedAsync(HttpMethod.Get, "v2/orders?limit=50&page=3000&symbol=btc-usdt", large.ApiKey, large.ApiSecret);

        var page = await SandboxApi.ReadJsonAsync(trades, expectSuccess: true);
        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
        Assert.Equal(200_000, page.GetProperty("count").GetInt32());
        Assert.Equal(50, page.GetProperty("data").GetArrayLength());
    }
}
