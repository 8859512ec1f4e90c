using AllexPortal.Web.Connections;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Tests.Ledger;
using AllexPortal.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Coordination;

/// <summary>
/// Two portal instances on one database, as a load-balanced deployment runs them: they share the key ring, each
/// connection's sync runs on one of them at a time, and a holder that dies mid-sync is replaced after its lease expires.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private ScaleOutCluster cluster = null!;
    private ScaleOutPortal a = null!;
    private ScaleOutPortal b = null!;

    public async ValueTask InitializeAsync()
    {
        cluster = await ScaleOutCluster.StartAsync();
        a = await cluster.StartInstanceAsync("instance-a");
        b = await cluster.StartInstanceAsync("instance-b");
    }

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Connection_saved_through_one_instance_is_decrypted_and_used_by_the_other()
    {
        var userId = await a.NewUserAsync();
        var connectionId = await a.SealConnectionAsync(userId, cluster.Exchange.BaseAddress, cluster.DemoKey);

        await using var scope = b.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<ConnectionService>().OpenClientAsync(userId, connectionId, TestContext.Current.CancellationToken);
        var balance = await client.User.GetBalanceAsync(TestContext.Current.CancellationToken);

        var truth = cluster.Exchange.Exchange.BalancesOf(cluster.DemoEmail);
        Assert.NotEmpty(truth);
        Assert.Equal(
            truth.Where(c => c.Balance != 0m).ToDictionary(c => c.Coin, c => c.Balance),
            balance.Coins.Where(c => c.Total != 0m).ToDictionary(c => c.Coin, c => c.Total));
    }

    [Fact]
    public async Task Sync_started_on_both_instances_at_once_runs_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = await a.NewUserAsync();
        var connectionId = await a.SealConnectionAsync(userId, cluster.Exchange.BaseAddress, cluster.DemoKey);
        cluster.Exchange.Exchange.SetFaults(new FaultOptions { PathPrefix = "/v2/user/trades", Latency = TimeSpan.FromMilliseconds(150) });
        var (callsA, callsB) = (a.HistoryCalls, b.HistoryCalls);

        var results = await Task.WhenAll(
            Task.Run(() => a.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken), cancellationToken),
            Task.Run(() => b.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken), cancellationToken));

        var ran = Assert.Single(results, r => !r.RunningElsewhere);
        var elsewhere = Assert.Single(results, r => r.RunningElsewhere);
        var idle = ReferenceEquals(elsewhere, results[0]) ? a.HistoryCalls - callsA : b.HistoryCalls - callsB;
        var busy = ReferenceEquals(elsewhere, results[0]) ? b.HistoryCalls - callsB : a.HistoryCalls - callsA;
        Assert.True(ran.Succeeded);
        Assert.Empty(elsewhere.Kinds);
        Assert.Equal(0, idle);
        Assert.True(busy >= 7, $"{busy} history requests");
        Assert.Equal(LedgerTruth.Trades(cluster.Exchange.Exchange.TradesOf(cluster.DemoEmail)), LedgerTruth.Trades(await TradesAsync(connectionId)));
    }

    [Fact]
    public async Task Sync_of_a_holder_killed_mid_run_is_taken_over_after_its_lease_expires_without_duplicate_rows()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = await a.NewUserAsync();
        var connectionId = await a.SealConnectionAsync(userId, cluster.Exchange.BaseAddress, cluster.DemoKey);
        cluster.Exchange.Exchange.SetFaults(new FaultOptions { PathPrefix = "/v2/user/trades", Latency = TimeSpan.FromMilliseconds(150) });
        var killed = new TaskCompletionSource();
        a.Coordinator.ProgressChanged += p =>
        {
            if (p.ConnectionId == connectionId && p.Kind == LedgerKind.Trades && p.Pages >= 3)
            {
                a.Sever();
                killed.TrySetResult();
            }
        };

        var dying = Task.Run(() => a.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken), cancellationToken);
        await killed.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var keptByTheDead = (await TradesAsync(connectionId)).Count;
        var rightAfterTheKill = await b.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);
        var shownAsRunning = (await b.Coordinator.StatusAsync(userId, cancellationToken)).All(s => s.Running);
        await Record.ExceptionAsync(() => dying);
        await a.DisposeAsync();
        LedgerSyncResult? takenOver = null;
        await Eventually.TrueAsync(async () =>
        {
            takenOver = await b.Coordinator.SyncNowAsync(userId, connectionId, cancellationToken);
            return !takenOver.RunningElsewhere;
        }, seconds: 30);

        var trades = await TradesAsync(connectionId);
        var truth = cluster.Exchange.Exchange.TradesOf(cluster.DemoEmail);
        Assert.InRange(keptByTheDead, 1, truth.Count - 1);
        Assert.True(rightAfterTheKill.RunningElsewhere);
        Assert.True(shownAsRunning);
        Assert.True(takenOver!.Succeeded);
        Assert.Equal(trades.Count, trades.Select(t => t.Key).Distinct().Count());
        Assert.Equal(LedgerTruth.Trades(truth), LedgerTruth.Trades(trades));
    }

    private async Task<List<LedgerTrade>> TradesAsync(Guid connectionId)
    {
        await using var db = await b.DatabaseAsync();
        return (await db.LedgerTrades.AsNoTracking().Where(t => t.ConnectionId == connectionId).ToListAsync(TestContext.Current.CancellationToken))
            .OrderBy(t => t.Timestamp).ThenBy(t => t.Id).ToList();
    }
}
