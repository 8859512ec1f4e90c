using System.Text.Json;
using AllexPortal.Sandbox;
using AllexPortal.Web.Data;
using AllexPortal.Web.Portfolio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>Exchange faults, caching and snapshots, against the embedded sandbox over real HTTP.</summary>
public sealed class PortfolioResilienceTests(DashboardPortal portal) : IClassFixture<DashboardPortal>, IDisposable
{
    [Fact]
    public async Task A_failing_balance_call_keeps_the_last_values_marked_stale_with_what_failed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var viewer = await portal.NewViewerAsync();
        var good = await viewer.LoadAsync();

        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = "/v2/user/balance", ServerErrors = 10, ServerErrorStatus = 503 });
        var stale = await viewer.LoadAsync();

        var connection = Assert.Single(stale.Connections);
        Assert.True(connection.IsStale);
        Assert.False(string.IsNullOrWhiteSpace(connection.Failure!.Message));
        Assert.Equal(good.Connections[0].ValuedAt, connection.ValuedAt);
        Assert.Equal(good.Connections[0].Valuation!.Rows.Select(r => (r.Coin, r.Total)), connection.Valuation!.Rows.Select(r => (r.Coin, r.Total)));
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        Assert.Equal(connection.Failure.Message, (await db.Connections.SingleAsync(c => c.Id == viewer.ConnectionId, cancellationToken)).LastError);
    }

    [Fact]
    public async Task A_new_circuit_with_a_failing_balance_call_shows_the_newest_snapshot_marked_stale()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        await using (var first = new DashboardViewer(portal.Services.CreateAsyncScope(), userId, connectionId))
        {
            await first.LoadAsync();
        }

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        var snapshot = await db.ValuationSnapshots.AsNoTracking()
            .Where(s => s.ConnectionId == connectionId)
            .OrderByDescending(s => s.TakenAt)
            .FirstAsync(cancellationToken);
        var recorded = JsonSerializer.Deserialize<Dictionary<string, decimal>>(snapshot.Holdings)!;
        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = "/v2/user/balance", ServerErrors = 10, ServerErrorStatus = 503 });
        await using var reloaded = new DashboardViewer(portal.Services.CreateAsyncScope(), userId, connectionId);

        var stale = await reloaded.LoadAsync();

        var connection = Assert.Single(stale.Connections);
        Assert.True(connection.IsStale);
        Assert.Contains("HTTP 503", connection.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(stale.LoadedAt, connection.Failure.At);
        Assert.Equal(snapshot.TakenAt, connection.ValuedAt);
        Assert.Equal(
            recorded.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => (h.Key, h.Value)),
            connection.Valuation!.Rows.OrderBy(r => r.Coin, StringComparer.Ordinal).Select(r => (r.Coin, r.Total)));
        Assert.True(connection.Valuation.Total > 0m);
    }

    [Fact]
    public async Task A_warm_view_makes_no_public_exchange_call()
    {
        await using var viewer = await portal.NewViewerAsync();
        await viewer.LoadAsync();
        var before = portal.PublicRequests;

        await viewer.LoadAsync();

        Assert.Equal(before, portal.PublicRequests);
    }

    [Fact]
    public async Task A_first_view_backfills_the_balance_history_and_records_one_view_snapshot()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var viewer = await portal.NewViewerAsync();

        await viewer.LoadAsync();
        await viewer.LoadAsync();

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        var sources = await db.ValuationSnapshots.Where(s => s.ConnectionId == viewer.ConnectionId).Select(s => s.Source).ToListAsync(cancellationToken);
        Assert.Equal(1, sources.Count(s => s == ValuationSnapshotSource.View));
        Assert.True(sources.Count(s => s == ValuationSnapshotSource.BalanceHistory) > 300);
    }

    [Fact]
    public async Task Value_history_of_a_month_starts_a_month_ago_and_ends_at_the_view()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var viewer = await portal.NewViewerAsync();
        var overview = await viewer.LoadAsync();

        var line = await viewer.Portfolio.HistoryAsync(overview, Core.Portfolio.HistoryRange.Month, cancellationToken);

        Assert.InRange(line.Count, 25, 250);
        Assert.InRange((line[^1].At - line[0].At).TotalDays, 29, 32);
        Assert.Equal(overview.Combined.Total, line[^1].Value);
    }

    public void Dispose() => portal.Sandbox.SetFaults(new FaultOptions());
}
