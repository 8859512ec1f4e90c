using AllexPortal.Web.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>Runs stopped from the portal's side: cancelled by the user, or lost with the process mid-history.</summary>
public sealed class InterruptedSyncTests(LedgerPortal portal) : IClassFixture<LedgerPortal>
{
    [Fact]
    public async Task Run_lost_with_its_process_after_three_pages_is_resumed_exactly_by_a_new_coordinator()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        var lost = ActivatorUtilities.CreateInstance<LedgerSyncCoordinator>(portal.Services);
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lost.ProgressChanged += p =>
        {
            if (p.ConnectionId == connectionId && p.Kind == LedgerKind.Trades && p.Pages >= 3)
            {
                kill.Cancel();
            }
        };

        var interrupted = await lost.SyncNowAsync(userId, connectionId, kill.Token);
        await lost.DisposeAsync();
        var kept = await portal.TradesAsync(connectionId);
        await using var restarted = ActivatorUtilities.CreateInstance<LedgerSyncCoordinator>(portal.Services);
        var resumed = await restarted.SyncNowAsync(userId, connectionId, cancellationToken);

        var truth = portal.Sandbox.TradesOf(portal.DemoEmail);
        Assert.True(interrupted.Cancelled);
        Assert.Equal(300, kept.Count);
        Assert.True(resumed.Succeeded);
        Assert.Equal(truth.Count - kept.Count, resumed.Of(LedgerKind.Trades)!.Inserted);
        Assert.Equal(LedgerTruth.Trades(truth), LedgerTruth.Trades(await portal.TradesAsync(connectionId)));
    }

    [Fact]
    public async Task Cancelled_run_stops_at_a_page_boundary_without_recording_an_error()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        var cancelled = new TaskCompletionSource();
        void CancelAtSecondPage(LedgerSyncProgress p)
        {
            if (p.ConnectionId == connectionId && p.Pages == 2)
            {
                // On the run's own thread, so the cancel lands at this page exactly.
                portal.Coordinator.CancelAsync(userId, connectionId, CancellationToken.None).GetAwaiter().GetResult();
                cancelled.TrySetResult();
            }
        }

        portal.Coordinator.ProgressChanged += CancelAtSecondPage;
        try
        {
            await portal.Coordinator.StartAsync(userId, connectionId, cancellationToken);
            await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            await Eventually.TrueAsync(() => portal.Coordinator.ProgressOf(connectionId) is null);
        }
        finally
        {
            portal.Coordinator.ProgressChanged -= CancelAtSecondPage;
        }

        var trades = await portal.TradesAsync(connectionId);
        var state = await portal.StateAsync(connectionId, LedgerKind.Trades);
        Assert.True(trades.Count is > 0 and < 650 && trades.Count % 100 == 0, $"{trades.Count} rows");
        Assert.Equal((trades.Count, trades[^1].Timestamp), (state.RowCount, state.Cursor));
        Assert.Null(state.LastError);
        Assert.False(state.Complete);
        Assert.Equal(LedgerKind.Trades, (await portal.Coordinator.StatusAsync(userId, cancellationToken)).First(s => !s.Complete).Kind);
    }
}
