using AllexPortal.Web.Connections;
using AllexPortal.Web.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.HistoryPages;

/// <summary>Order cancellation against the embedded sandbox over real HTTP; <c>LiveOrdersOf</c> is the truth.</summary>
public sealed class OrderCancellationTests(HistoryPagesPortal portal) : IClassFixture<HistoryPagesPortal>, IAsyncDisposable
{
    private readonly AsyncServiceScope scope = portal.Services.CreateAsyncScope();

    private OrderCancellation Cancellation => scope.ServiceProvider.GetRequiredService<OrderCancellation>();

    [Fact]
    public async Task Cancelling_an_open_order_cancels_it_on_the_exchange_and_in_the_ledger()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: true);
        var open = await portal.PlaceOpenOrderAsync();
        var row = await portal.CopyToLedgerAsync(connectionId, open);

        var result = await Cancellation.CancelAsync(userId, connectionId, open.Id, TestContext.Current.CancellationToken);

        Assert.Equal(OrderCancelOutcome.Cancelled, result.Outcome);
        Assert.DoesNotContain(OpenOrders(), o => o.Id == open.Id);
        await using var db = await portal.CreateDbAsync();
        var stored = await db.LedgerOrders.SingleAsync(o => o.Id == row.Id, TestContext.Current.CancellationToken);
        Assert.Equal("canceled", stored.Status);
        Assert.False(stored.IsOpen);
    }

    [Fact]
    public async Task Cancelling_an_order_that_is_already_cancelled_says_so_and_sends_nothing_twice()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: true);
        var open = await portal.PlaceOpenOrderAsync();
        await Cancellation.CancelAsync(userId, connectionId, open.Id, TestContext.Current.CancellationToken);

        var again = await Cancellation.CancelAsync(userId, connectionId, open.Id, TestContext.Current.CancellationToken);

        Assert.Equal(OrderCancelOutcome.AlreadyClosed, again.Outcome);
        Assert.Contains("already cancelled", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_an_order_the_exchange_does_not_know_reports_not_found()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: true);

        var result = await Cancellation.CancelAsync(userId, connectionId, Guid.NewGuid().ToString(), TestContext.Current.CancellationToken);

        Assert.Equal(OrderCancelOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task A_connection_whose_key_cannot_trade_is_refused_before_the_exchange_is_asked()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: false);
        var open = await portal.PlaceOpenOrderAsync();

        await Assert.ThrowsAsync<OrderCancellationRefusedException>(() =>
            Cancellation.CancelAsync(userId, connectionId, open.Id, TestContext.Current.CancellationToken));

        Assert.Contains(OpenOrders(), o => o.Id == open.Id);
    }

    [Fact]
    public async Task Another_users_connection_is_refused_like_a_missing_one()
    {
        var (_, victimConnection) = await portal.NewUserWithDemoConnectionAsync(canTrade: true);
        var intruder = await portal.NewUserAsync();
        var open = await portal.PlaceOpenOrderAsync();

        await Assert.ThrowsAsync<ConnectionNotFoundException>(() =>
            Cancellation.CancelAsync(intruder, victimConnection, open.Id, TestContext.Current.CancellationToken));

        Assert.Contains(OpenOrders(), o => o.Id == open.Id);
    }

    [Fact]
    public async Task Cancel_all_of_another_users_connection_is_refused()
    {
        var (_, victimConnection) = await portal.NewUserWithDemoConnectionAsync(canTrade: true);
        var intruder = await portal.NewUserAsync();
        var symbol = (await portal.PlaceOpenOrderAsync("sol-usdt")).Symbol;

        await Assert.ThrowsAsync<ConnectionNotFoundException>(() =>
            Cancellation.CancelAllAsync(intruder, victimConnection, symbol, TestContext.Current.CancellationToken));

        Assert.Contains(OpenOrders(), o => o.Symbol == symbol);
    }

    [Fact]
    public async Task Cancel_all_cancels_exactly_the_open_orders_of_that_pair()
    {
        var (userId, connectionId) = await portal.NewUserWithDemoConnectionAsync(canTrade: true);
        var symbol = (await portal.PlaceOpenOrderAsync("eth-usdt")).Symbol;
        var ofPair = OpenOrders().Where(o => o.Symbol == symbol).Select(o => o.Id).ToHashSet();
        var others = OpenOrders().Where(o => o.Symbol != symbol).Select(o => o.Id).ToHashSet();

        var result = await Cancellation.CancelAllAsync(userId, connectionId, symbol, TestContext.Current.CancellationToken);

        Assert.False(result.Failed);
        Assert.Equal(ofPair, result.Cancelled.Select(o => o.Id).ToHashSet());
        Assert.Equal(others, OpenOrders().Select(o => o.Id).ToHashSet());
    }

    [Fact]
    public async Task Tradable_connections_are_the_users_own_with_a_trading_key()
    {
        var userId = await portal.NewUserAsync();
        var trading = await portal.AddDemoConnectionAsync(userId, canTrade: true, "Trading");
        await portal.AddDemoConnectionAsync(userId, canTrade: false, "Read only");
        await portal.NewUserWithDemoConnectionAsync(canTrade: true);

        var tradable = await Cancellation.TradableConnectionsAsync(userId, TestContext.Current.CancellationToken);

        Assert.Equal([trading], tradable);
    }

    private List<AllexPortal.Sandbox.SandboxOrder> OpenOrders() =>
        [.. portal.Sandbox.LiveOrdersOf(portal.DemoEmail).Where(o => o.Status is "new" or "pfilled")];

    public async ValueTask DisposeAsync() => await scope.DisposeAsync();
}
