using System.Text.Json;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Portfolio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>Value history rebuilt from a ledger holding the sandbox demo user's history, priced at the sandbox's daily closes.</summary>
public sealed class LedgerBackfillTests(LedgerValuePortal portal) : IClassFixture<LedgerValuePortal>
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private DateTimeOffset Today => new(portal.Now.UtcDateTime.Date, TimeSpan.Zero);

    [Fact]
    public async Task Every_day_from_the_first_transaction_to_yesterday_gets_its_day_end_holdings()
    {
        var (_, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        await portal.SeedLedgerAsync(connectionId);
        var first = portal.Sandbox.DepositsOf(portal.DemoEmail).Min(d => d.CreatedAt);

        var written = await portal.Backfill.BackfillAsync(connectionId, TestContext.Current.CancellationToken);

        var snapshots = await portal.SnapshotsAsync(connectionId);
        var firstEnd = new DateTimeOffset(first.UtcDateTime.Date, TimeSpan.Zero) + Day;
        Assert.Equal(written, snapshots.Count);
        Assert.All(snapshots, s => Assert.Equal(ValuationSnapshotSource.Ledger, s.Source));
        Assert.Equal(firstEnd, snapshots[0].TakenAt);
        Assert.Equal(Today, snapshots[^1].TakenAt);
        Assert.Equal((int)((Today - firstEnd) / Day) + 1, snapshots.Count);
        foreach (var snapshot in new[] { snapshots[0], snapshots[snapshots.Count / 2], snapshots[^1] })
        {
            Assert.Equal(SandboxHoldingsAt(snapshot.TakenAt), JsonSerializer.Deserialize<Dictionary<string, decimal>>(snapshot.Holdings));
        }
    }

    [Fact]
    public async Task Day_end_values_are_the_holdings_at_the_sandbox_daily_closes()
    {
        var (_, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        await portal.SeedLedgerAsync(connectionId);

        await portal.Backfill.BackfillAsync(connectionId, TestContext.Current.CancellationToken);

        var snapshots = await portal.SnapshotsAsync(connectionId);
        foreach (var snapshot in new[] { snapshots[10], snapshots[^2], snapshots[^1] })
        {
            var day = snapshot.TakenAt - Day;
            var expected = 0m;
            foreach (var (coin, amount) in SandboxHoldingsAt(snapshot.TakenAt))
            {
                var price = coin == "usdt" ? 1m : (await portal.DailyClosesAsync($"{coin}-usdt", day, day + TimeSpan.FromHours(1)))[DateOnly.FromDateTime(day.UtcDateTime)];
                expected += amount * price;
            }

            Assert.True(expected > 0m);
            Assert.Equal(expected, snapshot.TotalValue);
        }
    }

    [Fact]
    public async Task A_second_backfill_writes_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (_, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        await portal.SeedLedgerAsync(connectionId);
        var first = await portal.Backfill.BackfillAsync(connectionId, cancellationToken);
        var before = await portal.SnapshotsAsync(connectionId);

        var second = await portal.Backfill.BackfillAsync(connectionId, cancellationToken);

        var after = await portal.SnapshotsAsync(connectionId);
        Assert.True(first > 600);
        Assert.Equal(0, second);
        Assert.Equal(before.Select(s => (s.Id, s.TakenAt, s.TotalValue, s.Holdings)), after.Select(s => (s.Id, s.TakenAt, s.TotalValue, s.Holdings)));
    }

    [Fact]
    public async Task Days_within_a_day_of_a_recorded_snapshot_are_left_to_it()
    {
        var (_, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        await portal.SeedLedgerAsync(connectionId);
        var recorded = Today - 100 * Day + TimeSpan.FromHours(12);
        await portal.RecordAsync(connectionId, recorded, 1234m);

        await portal.Backfill.BackfillAsync(connectionId, TestContext.Current.CancellationToken);

        var ledger = (await portal.SnapshotsAsync(connectionId)).Where(s => s.Source == ValuationSnapshotSource.Ledger).Select(s => s.TakenAt).ToHashSet();
        Assert.DoesNotContain(Today - 100 * Day, ledger);
        Assert.DoesNotContain(Today - 99 * Day, ledger);
        Assert.Contains(Today - 101 * Day, ledger);
        Assert.Contains(Today - 98 * Day, ledger);
    }

    [Fact]
    public async Task The_value_line_takes_a_recorded_snapshot_over_a_ledger_one_of_the_same_day()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (_, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        await portal.SeedLedgerAsync(connectionId);
        await portal.Backfill.BackfillAsync(connectionId, cancellationToken);
        var replaced = Today - 5 * Day;
        await portal.RecordAsync(connectionId, replaced + TimeSpan.FromHours(2), 4321m);
        var snapshots = portal.Services.GetRequiredService<SnapshotStore>();

        var series = await snapshots.SeriesAsync([connectionId], Today - 10 * Day, cancellationToken);

        var times = series.Select(v => v.At).Order().ToList();
        Assert.Contains(replaced + TimeSpan.FromHours(2), times);
        Assert.DoesNotContain(replaced, times);
        Assert.DoesNotContain(replaced + Day, times);
        Assert.Contains(replaced - Day, times);
        Assert.Equal(4321m, series.Single(v => v.At == replaced + TimeSpan.FromHours(2)).Value);
    }

    [Fact]
    public async Task The_value_series_reaches_back_from_the_first_recorded_snapshot_to_the_first_transaction()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (_, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        await portal.SeedLedgerAsync(connectionId);
        await portal.RecordAsync(connectionId, portal.Now, 1000m);
        await portal.Backfill.BackfillAsync(connectionId, cancellationToken);
        var snapshots = portal.Services.GetRequiredService<SnapshotStore>();

        var series = await snapshots.SeriesAsync([connectionId], DateTimeOffset.MinValue, cancellationToken);

        var first = portal.Sandbox.DepositsOf(portal.DemoEmail).Min(d => d.CreatedAt);
        Assert.Equal(new DateTimeOffset(first.UtcDateTime.Date, TimeSpan.Zero) + Day, series.Min(v => v.At));
        Assert.Equal((portal.Now, 1000m), (series.Max(v => v.At), series.MaxBy(v => v.At).Value));
        Assert.DoesNotContain(series, v => v.At > portal.Now - Day && v.At < portal.Now);
    }

    [Fact]
    public async Task A_balance_history_covering_every_day_hides_every_ledger_day()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var viewer = await portal.NewViewerAsync();
        await portal.SeedLedgerAsync(viewer.ConnectionId);
        await viewer.LoadAsync();
        await portal.Backfill.BackfillAsync(viewer.ConnectionId, cancellationToken);
        var snapshots = portal.Services.GetRequiredService<SnapshotStore>();

        var series = await snapshots.SeriesAsync([viewer.ConnectionId], DateTimeOffset.MinValue, cancellationToken);

        var stored = await portal.SnapshotsAsync(viewer.ConnectionId);
        Assert.True(stored.Count(s => s.Source == ValuationSnapshotSource.BalanceHistory) > 700);
        Assert.Equal(stored.Count(s => s.Source != ValuationSnapshotSource.Ledger), series.Count);
    }

    [Fact]
    public async Task A_connection_whose_ledger_is_not_complete_is_not_backfilled()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (_, connectionId) = await portal.CreateUserWithDemoConnectionAsync();
        await portal.SeedLedgerAsync(connectionId);
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken))
        {
            await db.LedgerSyncStates.Where(s => s.ConnectionId == connectionId && s.Kind == LedgerKind.Withdrawals)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Complete, false), cancellationToken);
        }

        var written = await portal.Backfill.BackfillAsync(connectionId, cancellationToken);

        Assert.Equal(0, written);
        Assert.Empty(await portal.SnapshotsAsync(connectionId));
    }

    /// <summary>The test's own sum of the sandbox's history up to <paramref name="end"/>: what the account held then.</summary>
    private Dictionary<string, decimal> SandboxHoldingsAt(DateTimeOffset end)
    {
        var held = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(string coin, decimal change) => held[coin] = held.GetValueOrDefault(coin) + change;
        foreach (var trade in portal.Sandbox.TradesOf(portal.DemoEmail).Where(t => t.Timestamp < end))
        {
            var coins = trade.Symbol.Split('-');
            var sign = trade.Side == "buy" ? 1m : -1m;
            Add(coins[0], sign * trade.Size);
            Add(coins[1], -sign * trade.Size * trade.Price);
            Add(trade.FeeCoin, -trade.Fee);
        }

        foreach (var deposit in portal.Sandbox.DepositsOf(portal.DemoEmail).Where(d => d.CreatedAt < end))
        {
            Add(deposit.Currency, deposit.Amount);
        }

        foreach (var withdrawal in portal.Sandbox.WithdrawalsOf(portal.DemoEmail).Where(w => w.CreatedAt < end))
        {
            Add(withdrawal.Currency, -withdrawal.Amount);
            Add(withdrawal.FeeCoin, -withdrawal.Fee);
        }

        return held.Where(h => h.Value != 0m).ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
    }
}
