using AllexPortal.Web.Trading;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Trading;

/// <summary>A token the exchange has expired (its quotes last one second here) reads as expired even when the portal's clock disagrees.</summary>
public sealed class QuickTradeExpiryTests(ShortQuotePortal portal) : IClassFixture<ShortQuotePortal>, IAsyncDisposable
{
    private readonly AsyncServiceScope scope = portal.Services.CreateAsyncScope();

    [Fact]
    public async Task A_token_the_exchange_expired_is_reported_as_expired_and_nothing_is_traded()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var desk = scope.ServiceProvider.GetRequiredService<QuickTradeDesk>();
        var offer = await desk.QuoteAsync(userId, connectionId, "usdt", "btc", 100m, TestContext.Current.CancellationToken);
        var trades = portal.Sandbox.TradesOf(portal.DemoEmail).Count;
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        var skewed = offer with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(1) };

        var result = await desk.ExecuteAsync(userId, skewed, TestContext.Current.CancellationToken);

        Assert.Equal(QuickTradeOutcome.Expired, result.Outcome);
        Assert.Equal(1, portal.Sandbox.RequestsTo("POST", "/v2/order/execute"));
        Assert.Equal(trades, portal.Sandbox.TradesOf(portal.DemoEmail).Count);
    }

    public async ValueTask DisposeAsync() => await scope.DisposeAsync();
}
