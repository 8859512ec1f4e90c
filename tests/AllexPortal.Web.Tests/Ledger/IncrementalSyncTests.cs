using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Trading;
using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>Later syncs: what happened on the exchange since the last one appears, and rows that were still moving
/// (pending transfers, open orders) are brought up to date, with no overlap window to help.</summary>
public sealed class IncrementalSyncTests(NoOverlapLedgerPortal portal) : IClassFixture<NoOverlapLedgerPortal>
{
    [Fact]
    public async Task Fills_made_after_a_sync_appear_after_the_next()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);
        var client = await portal.ClientAsync(userId, connectionId);
        var before = portal.Sandbox.TradesOf(portal.DemoEmail).Count;
        var order = await client.Trading.CreateOrderAsync(
            new CreateOrderRequest { Symbol = "xrp-usdt", Side = OrderSide.Buy, Size = 50m, Type = OrderType.Market }, cancellationToken);

        var result = await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);

        var truth = portal.Sandbox.TradesOf(portal.DemoEmail);
        Assert.True(truth.Count > before);
        Assert.Equal(LedgerTruth.Trades(truth), LedgerTruth.Trades(await portal.TradesAsync(connectionId)));
        Assert.Equal(truth.Count - before, result.Of(LedgerKind.Trades)!.Inserted);
        Assert.Contains(await portal.OrdersAsync(connectionId), o => o.ExchangeId == order.Id && o.Status == "filled" && !o.IsOpen);
    }

    [Fact]
    public async Task Deposit_made_after_a_sync_appears_after_the_next()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);
        portal.Sandbox.Deposit(portal.DemoEmail, "usdt", 123.45m);

        var result = await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);

        Assert.Equal(1, result.Of(LedgerKind.Deposits)!.Inserted);
        Assert.Equal(LedgerTruth.Transfers(portal.Sandbox.DepositsOf(portal.DemoEmail)), LedgerTruth.Transfers(await portal.TransfersAsync(connectionId, TransferDirection.Deposit)));
    }

    [Fact]
    public async Task Pending_deposit_that_completes_after_newer_ones_is_updated()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        var pendingId = portal.Sandbox.DepositPending(portal.DemoEmail, "sol", 4m);
        await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);
        var pending = (await portal.TransfersAsync(connectionId, TransferDirection.Deposit)).Single(t => t.ExchangeId == pendingId);
        portal.Sandbox.Deposit(portal.DemoEmail, "usdt", 10m);
        await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);
        portal.Sandbox.CompleteDeposit(portal.DemoEmail, pendingId);

        var result = await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);

        var settled = (await portal.TransfersAsync(connectionId, TransferDirection.Deposit)).Single(t => t.ExchangeId == pendingId);
        Assert.Equal(TransactionState.Pending, pending.State);
        Assert.True((await portal.StateAsync(connectionId, LedgerKind.Deposits)).Cursor > pending.CreatedAt);
        Assert.Equal(TransactionState.Completed, settled.State);
        Assert.Equal(1, result.Of(LedgerKind.Deposits)!.Updated);
        Assert.True(settled.SyncedAt > pending.SyncedAt);
        Assert.Equal(LedgerTruth.Transfers(portal.Sandbox.DepositsOf(portal.DemoEmail)), LedgerTruth.Transfers(await portal.TransfersAsync(connectionId, TransferDirection.Deposit)));
    }

    [Fact]
    public async Task Open_order_cancelled_on_the_exchange_is_updated_though_it_is_older_than_the_cursor()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        var client = await portal.ClientAsync(userId, connectionId);
        await client.Trading.CreateOrderAsync(
            new CreateOrderRequest { Symbol = "xrp-usdt", Side = OrderSide.Buy, Size = 20m, Type = OrderType.Market }, cancellationToken);
        await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);
        var open = (await portal.OrdersAsync(connectionId)).Where(o => o.IsOpen).MinBy(o => o.CreatedAt)!;
        await client.Trading.CancelOrderAsync(open.ExchangeId, cancellationToken);

        var result = await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);

        var copy = (await portal.OrdersAsync(connectionId)).Single(o => o.ExchangeId == open.ExchangeId);
        Assert.True((await portal.StateAsync(connectionId, LedgerKind.Orders)).Cursor > open.CreatedAt);
        Assert.Equal(("canceled", false), (copy.Status, copy.IsOpen));
        Assert.Equal(1, result.Of(LedgerKind.Orders)!.Updated);
        Assert.Equal(portal.Sandbox.LiveOrdersOf(portal.DemoEmail).Count(o => o.Status is "new" or "pfilled"), (await portal.OrdersAsync(connectionId)).Count(o => o.IsOpen));
    }

    [Fact]
    public async Task Open_order_filled_by_another_trader_is_updated_with_its_fill()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        var client = await portal.ClientAsync(userId, connectionId);
        var book = (await client.Public.GetOrderBookAsync("xrp-usdt", cancellationToken))["xrp-usdt"];
        var resting = await client.Trading.CreateOrderAsync(
            new CreateOrderRequest { Symbol = "xrp-usdt", Side = OrderSide.Sell, Size = 5m, Price = book.Asks[0].Price - 0.0001m, Type = OrderType.Limit }, cancellationToken);
        await client.Trading.CreateOrderAsync(
            new CreateOrderRequest { Symbol = "xrp-usdt", Side = OrderSide.Buy, Size = 1m, Type = OrderType.Market }, cancellationToken);
        await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);
        var before = (await portal.OrdersAsync(connectionId)).Single(o => o.ExchangeId == resting.Id);
        var buyer = await portal.SignedUpTraderAsync(cancellationToken);
        await buyer.Trading.CreateOrderAsync(
            new CreateOrderRequest { Symbol = "xrp-usdt", Side = OrderSide.Buy, Size = 5m, Type = OrderType.Market }, cancellationToken);

        await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);

        var after = (await portal.OrdersAsync(connectionId)).Single(o => o.ExchangeId == resting.Id);
        Assert.Equal(("new", true), (before.Status, before.IsOpen));
        Assert.True((await portal.StateAsync(connectionId, LedgerKind.Orders)).Cursor > before.CreatedAt);
        Assert.Equal(("filled", false, 5m), (after.Status, after.IsOpen, after.Filled));
        Assert.Equal(LedgerTruth.Trades(portal.Sandbox.TradesOf(portal.DemoEmail)), LedgerTruth.Trades(await portal.TradesAsync(connectionId)));
    }
}
