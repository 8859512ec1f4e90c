using System.Diagnostics;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Portfolio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>The backfill wired to the real ledger sync against the sandbox.</summary>
public sealed class LedgerBackfillAfterSyncTests(SyncedLedgerPortal portal) : IClassFixture<SyncedLedgerPortal>
{
    [Fact]
    public async Task A_completed_sync_backfills_the_value_history_without_being_asked()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();

        var result = await portal.Services.GetRequiredService<LedgerSyncCoordinator>().SyncNowAsync(userId, connectionId, cancellationToken);

        Assert.True(result.Succeeded);
        var today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        List<DateTimeOffset> ledgerDays;
        do
        {
            await Task.Delay(250, cancellationToken);
            await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
            ledgerDays = (await db.ValuationSnapshots.AsNoTracking()
                    .Where(s => s.ConnectionId == connectionId && s.Source == ValuationSnapshotSource.Ledger)
                    .Select(s => s.TakenAt)
                    .ToListAsync(cancellationToken))
                .Order().ToList();
        }
        while (ledgerDays.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(60));

        Assert.True(ledgerDays.Count >= 60, $"{ledgerDays.Count} ledger days");
        Assert.Equal(today, ledgerDays[^1]);
    }
}
