using AllexPortal.Web.Data;
using AllexPortal.Web.Portfolio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>The scheduled round values every connection, viewed or not, in usdt.</summary>
public sealed class SnapshotSchedulerTests(DashboardPortal portal) : IClassFixture<DashboardPortal>
{
    [Fact]
    public async Task A_scheduled_round_records_a_usdt_snapshot_of_a_connection_nobody_viewed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (_, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        var scheduler = portal.Services.GetServices<IHostedService>().OfType<SnapshotScheduler>().Single();

        await scheduler.SnapshotAllAsync(cancellationToken);

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        var snapshot = await db.ValuationSnapshots.SingleAsync(s => s.ConnectionId == connectionId, cancellationToken);
        Assert.Equal((ValuationSnapshotSource.Schedule, "usdt"), (snapshot.Source, snapshot.QuoteCurrency));
        Assert.True(snapshot.TotalValue > 0m);
        Assert.Contains("\"btc\":", snapshot.Holdings, StringComparison.Ordinal);
    }
}
