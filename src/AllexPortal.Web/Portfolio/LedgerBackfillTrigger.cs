using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// Runs <see cref="LedgerBackfill"/> for a connection each time its ledger sync completes, in the background (the
/// coordinator's event is raised on the sync's thread, which must not wait for candles). A run stops with the host;
/// failures are logged and the next completed sync tries again.
/// </summary>
public sealed class LedgerBackfillTrigger(
    LedgerSyncCoordinator coordinator, LedgerBackfill backfill, IHostApplicationLifetime lifetime, ILogger<LedgerBackfillTrigger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        coordinator.SyncCompleted += OnSyncCompleted;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        coordinator.SyncCompleted -= OnSyncCompleted;
        return Task.CompletedTask;
    }

    private void OnSyncCompleted(Guid connectionId) => _ = Task.Run(() => RunAsync(connectionId), CancellationToken.None);

    private async Task RunAsync(Guid connectionId)
    {
        try
        {
            await backfill.BackfillAsync(connectionId, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            logger.LogDebug("Ledger backfill of connection {ConnectionId} stopped with the host", connectionId);
        }
#pragma warning disable CA1031 // A background backfill must never take the process down; the next sync retries.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            logger.LogWarning(failure, "Ledger backfill of connection {ConnectionId} failed", connectionId);
        }
    }
}
