using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Matching;

/// <summary>The quote lifetime is an option, so clients can test what happens when a token expires.</summary>
public sealed class QuickTradeQuoteLifetimeTests
{
    [Fact]
    public async Task A_quote_expires_after_the_configured_lifetime()
    {
        await using var server = await SandboxApi.StartAsync(o => o.QuickTradeQuoteLifetime = TimeSpan.FromSeconds(7));
        using var api = new SandboxApi(server);
        var (_, token) = await api.SignUpAsync("quoter");
        var before = server.Exchange.Time.GetUtcNow();

        using var response = await api.BearerAsync(HttpMethod.Get, "v2/quick-trade?spending_currency=usdt&receiving_currency=btc&spending_amount=500", token);

        var json = await SandboxApi.ReadJsonAsync(response, expectSuccess: true);
        var expiry = json.GetProperty("expiry").GetDateTimeOffset();
        Assert.InRange(expiry - before, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(8));
    }
}
