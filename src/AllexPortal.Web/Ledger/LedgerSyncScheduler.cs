using AllexPortal.Web.Connections;
using AllexPortal.Web.Coordination;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Ledger;

/// <summary>
/// Keeps every connection's ledger current without anyone watching: a sync of every connection each
/// <see cref="LedgerOptions.SyncInterval"/>, and, every <see cref="LedgerOptions.DiscoveryInterval"/> from shortly
/// after the portal started listening, a first sync of connections never synced (a new connection, the demo's), so history appears soon
/// after a key is added without the connection code knowing about the ledger. With several portal instances on one
/// database each round runs on one of them (<see cref="RoundLease"/>), and each connection's run on one at a time.
/// </summary>
public sealed class LedgerSyncScheduler(
    LedgerSyncCoordinator coordinator,
    LeaseStore leases,
    IDbContextFactory<PortalDb> databases,
    TimeProvider time,
    IOptions<LedgerOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<LedgerSyncScheduler> logger) : BackgroundService
{
    /// <summary>The lease of the scheduled round of every connection's sync.</summary>
    public const string RoundLease = "ledger-sync:schedule";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(DiscoverLoopAsync(stoppingToken), ScheduleLoopAsync(stoppingToken));

    /// <summary>Starts (in the background) the first sync of every connection that has none yet; returns how many.</summary>
    internal async Task<int> StartNeverSyncedAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, string OwnerId)> fresh;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            fresh = (await db.Connections.AsNoTracking()
                    .Where(c => !db.LedgerSyncStates.Any(s => s.ConnectionId == c.Id))
                    .Select(c => new { c.Id, c.OwnerId })
                    .ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.OwnerId)).ToList();
        }

        foreach (var (id, owner) in fresh)
        {
            try
            {
                await coordinator.StartAsync(owner, id, cancellationToken);
            }
            catch (ConnectionNotFoundException)
            {
                // Deleted since the query; nothing to sync.
            }
        }

        return fresh.Count;
    }

    /// <summary>One scheduled round: every connection synced in turn (they share the exchange's rate budget).</summary>
    internal async Task SyncAllAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, string OwnerId)> all;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            all = (await db.Connections.AsNoTracking().Select(c => new { c.Id, c.OwnerId }).ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.OwnerId)).ToList();
        }

        foreach (var (id, owner) in all)
        {
            try
            {
                await coordinator.SyncNowAsync(owner, id, cancellationToken);
            }
            catch (ConnectionNotFoundException)
            {
                // Deleted since the query; nothing to sync.
            }
        }
    }

    private async Task DiscoverLoopAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.DiscoveryInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            // The demo connection's base URL follows the address the portal listens on, known only once it started.
            await WhenStartedAsync(stoppingToken);
            await Task.Delay(options.Value.StartupDelay, time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await GuardAsync(() => StartNeverSyncedAsync(stoppingToken), "Looking for never-synced connections");
                await Task.Delay(interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task ScheduleLoopAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SyncInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await GuardAsync(() => leases.RunRoundAsync(RoundLease, interval, SyncAllAsync, stoppingToken), "The scheduled ledger sync");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>A failing round (e.g. the database briefly unreachable) is logged; the schedule goes on.</summary>
    private async Task GuardAsync(Func<Task> round, string what)
    {
        try
        {
            await round();
        }
        catch (Exception failure) when (failure is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogError(failure, "{What} failed; it is tried again at the next tick", what);
        }
    }
}
