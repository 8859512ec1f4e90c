using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Tests.Ledger;

/// <summary>What a page's progress bar is fed while a run goes, and what it is told when the run is over.</summary>
public sealed class SyncProgressTests(LedgerPortal portal) : IClassFixture<LedgerPortal>
{
    [Fact]
    public async Task Progress_counts_pages_and_rows_against_the_exchanges_total()
    {
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        var reports = new List<(LedgerSyncProgress Progress, bool Visible)>();
        void Record(LedgerSyncProgress p)
        {
            if (p.ConnectionId == connectionId)
            {
                lock (reports)
                {
                    reports.Add((p, portal.Coordinator.ProgressOf(connectionId) == p));
                }
            }
        }

        portal.Coordinator.ProgressChanged += Record;
        try
        {
            await portal.Coordinator.SyncNowAsync(userId, connectionId, TestContext.Current.CancellationToken);
        }
        finally
        {
            portal.Coordinator.ProgressChanged -= Record;
        }

        var total = portal.Sandbox.TradesOf(portal.DemoEmail).Count;
        var trades = reports.Where(r => r.Progress.Kind == LedgerKind.Trades && r.Progress.Pages > 0).Select(r => r.Progress).ToList();
        Assert.All(reports, r => Assert.True(r.Visible));
        Assert.Equal(Enumerable.Range(1, (int)Math.Ceiling(total / 100.0)), trades.Select(p => p.Pages));
        Assert.Equal(Math.Min(total, 200), trades[1].Rows);
        Assert.All(trades, p => Assert.Equal(total, p.ExpectedRows));
        Assert.Equal(TimeSpan.Zero, trades[^1].Remaining);
        Assert.True(trades[^1].RowsPerSecond > 0);
        Assert.Equal([LedgerKind.Trades, LedgerKind.Orders, LedgerKind.Deposits, LedgerKind.Withdrawals], reports.Select(r => r.Progress.Kind).Distinct());
        Assert.Null(portal.Coordinator.ProgressOf(connectionId));
    }

    [Fact]
    public async Task Completed_event_names_the_connection_after_a_successful_run()
    {
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        var completed = new List<Guid>();
        void Record(Guid id)
        {
            lock (completed)
            {
                completed.Add(id);
            }
        }

        portal.Coordinator.SyncCompleted += Record;
        try
        {
            await portal.Coordinator.SyncNowAsync(userId, connectionId, TestContext.Current.CancellationToken);
        }
        finally
        {
            portal.Coordinator.SyncCompleted -= Record;
        }

        Assert.Equal([connectionId], completed);
    }
}
