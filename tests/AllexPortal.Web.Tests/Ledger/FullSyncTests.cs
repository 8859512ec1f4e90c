using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>A first sync of the sandbox demo user's history (over a thousand rows) over real HTTP, against the
/// sandbox's own records.</summary>
public sealed class FullSyncTests(LedgerPortal portal) : IClassFixture<LedgerPortal>
{
    [Fact]
    public async Task Full_sync_copies_every_fill_row_for_row_in_time_order()
    {
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();

        var result = await portal.Coordinator.SyncNowAsync(userId, connectionId, TestContext.Current.CancellationToken);

        var truth = portal.Sandbox.TradesOf(portal.DemoEmail);
        Assert.True(result.Succeeded, string.Join(" ", result.Kinds.Select(k => k.Error)));
        Assert.True(truth.Count > 600);
        Assert.Equal(LedgerTruth.Trades(truth), LedgerTruth.Trades(await portal.TradesAsync(connectionId)));
    }

    [Fact]
    public async Task Full_sync_copies_every_order_with_the_live_ones_as_the_exchange_reports_them()
    {
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();

        await portal.Coordinator.SyncNowAsync(userId, connectionId, TestContext.Current.CancellationToken);

        var live = portal.Sandbox.LiveOrdersOf(portal.DemoEmail);
        var expectedIds = portal.Sandbox.TradesOf(portal.DemoEmail).Select(t => t.OrderId).Concat(live.Select(o => o.Id)).ToHashSet();
        var orders = await portal.OrdersAsync(connectionId);
        Assert.NotEmpty(live);
        Assert.Equal(expectedIds.Order(), orders.Select(o => o.ExchangeId).Order());
        Assert.All(live, o =>
        {
            var copy = orders.Single(c => c.ExchangeId == o.Id);
            Assert.Equal((o.Status, o.Filled, o.Size, o.Price, o.Status is "new" or "pfilled"), (copy.Status, copy.Filled, copy.Size, copy.Price!.Value, copy.IsOpen));
        });
    }

    [Fact]
    public async Task Full_sync_copies_every_deposit_and_withdrawal_row_for_row()
    {
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();

        await portal.Coordinator.SyncNowAsync(userId, connectionId, TestContext.Current.CancellationToken);

        Assert.Equal(LedgerTruth.Transfers(portal.Sandbox.DepositsOf(portal.DemoEmail)), LedgerTruth.Transfers(await portal.TransfersAsync(connectionId, TransferDirection.Deposit)));
        Assert.Equal(LedgerTruth.Transfers(portal.Sandbox.WithdrawalsOf(portal.DemoEmail)), LedgerTruth.Transfers(await portal.TransfersAsync(connectionId, TransferDirection.Withdrawal)));
    }

    [Fact]
    public async Task Full_sync_marks_each_history_complete_with_its_row_count_and_newest_time()
    {
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();

        var result = await portal.Coordinator.SyncNowAsync(userId, connectionId, TestContext.Current.CancellationToken);

        var trades = await portal.TradesAsync(connectionId);
        var state = await portal.StateAsync(connectionId, LedgerKind.Trades);
        Assert.True(state.Complete);
        Assert.Equal(trades.Count, state.RowCount);
        Assert.Equal(trades[^1].Timestamp, state.Cursor);
        Assert.NotNull(state.LastSuccessAt);
        Assert.Null(state.LastError);
        Assert.Equal(trades.Count, result.Of(LedgerKind.Trades)!.Inserted);
        Assert.Equal((int)Math.Ceiling(trades.Count / 100.0), result.Of(LedgerKind.Trades)!.Pages);
    }

    [Fact]
    public async Task Second_sync_with_nothing_new_writes_no_ledger_row()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);
        var changedBefore = await LastChangesAsync(connectionId);
        await using var writes = await LedgerWriteLog.AttachAsync(portal.Database, cancellationToken);

        var result = await portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(0, await writes.CountAsync(cancellationToken));
        Assert.Equal((0L, 0L), (result.Inserted, result.Updated));
        Assert.True(result.Kinds.Sum(k => k.RowsRead) > 0);
        Assert.Equal(changedBefore, await LastChangesAsync(connectionId));
    }

    [Fact]
    public async Task Syncs_of_one_connection_asked_at_once_run_one_after_the_other()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();

        var synced = await Task.WhenAll(
            portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken),
            portal.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken));

        var truth = portal.Sandbox.TradesOf(portal.DemoEmail);
        Assert.All(synced, r => Assert.True(r.Succeeded, string.Join(" ", r.Kinds.Select(k => k.Error))));
        Assert.Equal(truth.Count, synced.Sum(r => r.Of(LedgerKind.Trades)!.Inserted));
        Assert.Contains(synced, r => r.Inserted == 0);
        Assert.Equal(LedgerTruth.Trades(truth), LedgerTruth.Trades(await portal.TradesAsync(connectionId)));
    }

    private async Task<List<DateTimeOffset?>> LastChangesAsync(Guid connectionId)
    {
        var states = new List<DateTimeOffset?>();
        foreach (var kind in Enum.GetValues<LedgerKind>())
        {
            states.Add((await portal.StateAsync(connectionId, kind)).LastChangeAt);
        }

        return states;
    }
}
