using AllexPortal.Web.Audit;
using AllexPortal.Web.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Web.Tests.Trading;

/// <summary>Quick trade against the embedded sandbox: a quote with a token, executed in time or refused once expired.</summary>
public sealed class QuickTradeTests(TradingPortal portal) : IClassFixture<TradingPortal>, IAsyncDisposable
{
    private const string ExecutePath = "/v2/order/execute";
    private readonly AsyncServiceScope scope = portal.Services.CreateAsyncScope();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_quote_executed_before_it_expires_trades_and_is_audited()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var desk = scope.ServiceProvider.GetRequiredService<QuickTradeDesk>();
        var trades = portal.Sandbox.TradesOf(portal.DemoEmail).Count;
        var offer = await desk.QuoteAsync(userId, connectionId, "usdt", "btc", 100m, Ct);

        var result = await desk.ExecuteAsync(userId, offer, Ct);

        Assert.Equal(QuickTradeOutcome.Executed, result.Outcome);
        Assert.Matches(@"^Traded [0-9.]+ USDT for [0-9.]+ BTC \(order ", result.Message);
        Assert.True(portal.Sandbox.TradesOf(portal.DemoEmail).Count > trades);
        var entry = Assert.Single(await portal.AuditOfAsync(userId), e => e.Action == AuditAction.QuickTradeExecuted);
        Assert.Matches(@" usdt → [0-9.]+ btc → Executed \(order ", entry.Detail);
    }

    [Fact]
    public async Task The_offer_expires_when_the_exchange_says_its_token_does()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var desk = scope.ServiceProvider.GetRequiredService<QuickTradeDesk>();

        var offer = await desk.QuoteAsync(userId, connectionId, "usdt", "eth", 50m, Ct);

        Assert.Equal(offer.Quote.Expiry, offer.ExpiresAt);
        Assert.InRange(offer.RemainingAt(portal.Sandbox.Time.GetUtcNow()), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_expired_quote_is_refused_by_the_portals_clock_without_asking_the_exchange()
    {
        var (userId, connectionId) = await portal.NewTraderAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var desk = ActivatorUtilities.CreateInstance<QuickTradeDesk>(scope.ServiceProvider, (TimeProvider)clock);
        var offer = await desk.QuoteAsync(userId, connectionId, "usdt", "btc", 100m, Ct);
        clock.SetUtcNow(offer.ExpiresAt.AddSeconds(1));
        var sent = portal.Sandbox.RequestsTo("POST", ExecutePath);

        var result = await desk.ExecuteAsync(userId, offer, Ct);

        Assert.Equal(QuickTradeOutcome.Expired, result.Outcome);
        Assert.Equal("This quote has expired, so nothing was traded. Ask for a new quote.", result.Message);
        Assert.Equal(sent, portal.Sandbox.RequestsTo("POST", ExecutePath));
    }

    [Fact]
    public async Task A_read_only_key_cannot_ask_for_an_executable_quote()
    {
        var (userId, connectionId) = await portal.NewReaderAsync();
        var desk = scope.ServiceProvider.GetRequiredService<QuickTradeDesk>();

        var refused = await Assert.ThrowsAsync<TradeRefusedException>(() => desk.QuoteAsync(userId, connectionId, "usdt", "btc", 100m, Ct));

        Assert.Contains("read-only", refused.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await scope.DisposeAsync();
}
