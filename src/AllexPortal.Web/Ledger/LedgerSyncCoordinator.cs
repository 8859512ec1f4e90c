using System.Collections.Concurrent;
using System.Data.Common;
using AllexPortal.Exchange;
using AllexPortal.Exchange.Errors;
using AllexPortal.Web.Access;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Ledger;

/// <summary>
/// Runs the sync of connections' histories (trades, orders, deposits, withdrawals, in that order) into the local
/// ledger, at most one run per connection at a time in this process, and tells pages how runs progress. Every
/// method that takes a user asks <see cref="PortalAccess"/> first: starting or cancelling a sync needs
/// <see cref="PortalPermission.ManageConnections"/> on the connection (or being the key's owner, whose own key it
/// reads: that is how the scheduler syncs every connection), seeing its status needs
/// <see cref="PortalPermission.View"/>. Runs stop at the host's shutdown; what they committed stays.
/// </summary>
public sealed class LedgerSyncCoordinator : IAsyncDisposable
{
    private static readonly LedgerKind[] Order = [LedgerKind.Trades, LedgerKind.Orders, LedgerKind.Deposits, LedgerKind.Withdrawals];

    private readonly ConcurrentDictionary<Guid, ConnectionSyncRun> running = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly IServiceScopeFactory scopes;
    private readonly IDbContextFactory<PortalDb> databases;
    private readonly TimeProvider time;
    private readonly IOptions<LedgerOptions> options;
    private readonly ILogger<LedgerSyncCoordinator> logger;
    private readonly CancellationTokenRegistration shutdown;

    public LedgerSyncCoordinator(
        IServiceScopeFactory scopes,
        IDbContextFactory<PortalDb> databases,
        TimeProvider time,
        IOptions<LedgerOptions> options,
        IHostApplicationLifetime lifetime,
        ILogger<LedgerSyncCoordinator> logger)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        this.scopes = scopes;
        this.databases = databases;
        this.time = time;
        this.options = options;
        this.logger = logger;
        shutdown = lifetime.ApplicationStopping.Register(stopping.Cancel);
    }

    /// <summary>Progress of any connection's run; raised on the run's thread, never the UI's.</summary>
    public event Action<LedgerSyncProgress>? ProgressChanged;

    /// <summary>A connection's run read all four histories to their end (the id of the connection).</summary>
    public event Action<Guid>? SyncCompleted;

    /// <summary>Starts a sync of all four histories in the background, unless one of the connection is already running
    /// (then returns quietly). Errors of the run are recorded per history, not thrown.</summary>
    /// <exception cref="ConnectionNotFoundException">Not shared with the user, or no such connection.</exception>
    /// <exception cref="AccessDeniedException">The user's role may not manage the connection.</exception>
    public async Task StartAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        await DemandMaySyncAsync(userId, connectionId, cancellationToken);
        var run = new ConnectionSyncRun(connectionId, userId, time.GetUtcNow(), stopping.Token);
        if (!running.TryAdd(connectionId, run))
        {
            run.Dispose();
            return;
        }

        _ = Task.Run(() => ExecuteInBackgroundAsync(run), CancellationToken.None);
    }

    /// <summary>Asks the connection's running sync to stop after the page in hand; nothing when none runs.</summary>
    /// <exception cref="ConnectionNotFoundException">Not shared with the user, or no such connection.</exception>
    /// <exception cref="AccessDeniedException">The user's role may not manage the connection.</exception>
    public async Task CancelAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        await DemandMaySyncAsync(userId, connectionId, cancellationToken);
        if (running.TryGetValue(connectionId, out var run))
        {
            try
            {
                run.Cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run ended in between; nothing left to cancel.
            }
        }
    }

    /// <summary>
    /// Where the connection's running sync stands, or null when none runs. Internal: for components showing
    /// connections <see cref="StatusAsync(string, Guid?, CancellationToken)"/> already checked, never for an id from the browser.
    /// </summary>
    internal LedgerSyncProgress? ProgressOf(Guid connectionId) =>
        running.TryGetValue(connectionId, out var run) ? run.Progress ?? new LedgerSyncProgress(connectionId, Order[0], 0, 0, 0, null, null, run.StartedAt) : null;

    /// <summary>Each history of each of the user's personal connections: complete or not, rows, last success, last error.</summary>
    public Task<IReadOnlyList<LedgerSyncStatus>> StatusAsync(string userId, CancellationToken cancellationToken = default) =>
        StatusAsync(userId, null, cancellationToken);

    /// <summary>Each history of each connection of <paramref name="workspaceId"/> (null: personal): complete or not, rows, last success, last error.</summary>
    /// <exception cref="AccessDeniedException">Not a member of that workspace.</exception>
    public async Task<IReadOnlyList<LedgerSyncStatus>> StatusAsync(string userId, Guid? workspaceId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ConnectionSummary> connections;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connections = await scope.ServiceProvider.GetRequiredService<ConnectionService>().ListAsync(userId, workspaceId, cancellationToken);
        }

        var ids = connections.Select(c => c.Id).ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var states = (await db.LedgerSyncStates.AsNoTracking().Where(s => ids.Contains(s.ConnectionId)).ToListAsync(cancellationToken))
            .ToDictionary(s => (s.ConnectionId, s.Kind));
        return
        [
            .. from connection in connections
               from kind in Order
               let state = states.GetValueOrDefault((connection.Id, kind))
               select new LedgerSyncStatus(
                   connection.Id, connection.Label, kind, state?.Complete ?? false, state?.RowCount ?? 0,
                   state?.LastSuccessAt, state?.LastErrorAt, state?.LastError, running.ContainsKey(connection.Id)),
        ];
    }

    /// <summary>
    /// Runs a sync of all four histories to its end in the caller, after any run of the connection already going
    /// (runs never overlap). Errors are recorded per history and returned, not thrown; a cancelled run returns with
    /// <see cref="LedgerSyncResult.Cancelled"/>, its committed pages kept.
    /// </summary>
    /// <exception cref="ConnectionNotFoundException">Not shared with the user, or no such connection.</exception>
    /// <exception cref="AccessDeniedException">The user's role may not manage the connection.</exception>
    public async Task<LedgerSyncResult> SyncNowAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        await DemandMaySyncAsync(userId, connectionId, cancellationToken);
        while (true)
        {
            var run = new ConnectionSyncRun(connectionId, userId, time.GetUtcNow(), stopping.Token, cancellationToken);
            if (running.TryAdd(connectionId, run))
            {
                return await ExecuteAsync(run);
            }

            run.Dispose();
            if (running.TryGetValue(connectionId, out var other))
            {
                await other.Completion.WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>Stops every run and waits for them to let go of their connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(running.Values.Select(r => r.Completion));
        await shutdown.DisposeAsync();
        stopping.Dispose();
    }

    /// <summary>The check of every entry point that starts or stops a run: ManageConnections, or the key's own owner.</summary>
    private async Task DemandMaySyncAsync(string userId, Guid connectionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var scope = scopes.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<PortalAccess>();
        var grant = await access.DemandConnectionAsync(userId, connectionId, PortalPermission.View, cancellationToken);
        if (!grant.IsKeyOwner)
        {
            await access.DemandConnectionAsync(userId, connectionId, PortalPermission.ManageConnections, cancellationToken);
        }
    }

    /// <summary>A background run has no caller to throw to: whatever escapes (the host going away under it) is logged.</summary>
    private async Task ExecuteInBackgroundAsync(ConnectionSyncRun run)
    {
        try
        {
            await ExecuteAsync(run);
        }
#pragma warning disable CA1031 // nothing awaits this task; an escaping exception would go unobserved
        catch (Exception failure)
#pragma warning restore CA1031
        {
            logger.LogError(failure, "Ledger sync of connection {ConnectionId} ended abnormally", run.ConnectionId);
        }
    }

    private async Task<LedgerSyncResult> ExecuteAsync(ConnectionSyncRun run)
    {
        var results = new List<LedgerKindSyncResult>();
        var token = run.Cancellation.Token;
        var cancelled = false;
        try
        {
            var client = await OpenClientAsync(run, token);
            if (client is not null)
            {
                var context = new HistorySyncContext(run.ConnectionId, client, databases, time, options.Value, (kind, pages, rows, expected) => Report(run, kind, pages, rows, expected));
                foreach (var kind in Order)
                {
                    var (result, stop) = await RunKindAsync(Create(kind, context), token);
                    results.Add(result);
                    cancelled = token.IsCancellationRequested;
                    if (stop || cancelled)
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            cancelled = true;
        }
        finally
        {
            running.TryRemove(new KeyValuePair<Guid, ConnectionSyncRun>(run.ConnectionId, run));
            run.Complete();
            run.Dispose();
        }

        var outcome = new LedgerSyncResult(run.ConnectionId, results, cancelled);
        logger.LogInformation(
            "Ledger sync of connection {ConnectionId}: {Inserted} inserted, {Updated} updated, succeeded {Succeeded}, cancelled {Cancelled}",
            run.ConnectionId, outcome.Inserted, outcome.Updated, outcome.Succeeded, outcome.Cancelled);
        if (outcome.Succeeded)
        {
            Raise(SyncCompleted, run.ConnectionId);
        }

        return outcome;
    }

    private async Task<AllexApiKeyClient?> OpenClientAsync(ConnectionSyncRun run, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<ConnectionService>().OpenClientAsync(run.UserId, run.ConnectionId, cancellationToken);
        }
        catch (ConnectionCredentialsUnreadableException unreadable)
        {
            foreach (var kind in Order)
            {
                await SyncFailureRecord.WriteAsync(databases, run.ConnectionId, kind, unreadable.Message, time.GetUtcNow(), CancellationToken.None);
            }

            return null;
        }
    }

    private async Task<(LedgerKindSyncResult Result, bool StopRun)> RunKindAsync(ILedgerHistorySync sync, CancellationToken cancellationToken)
    {
        try
        {
            return (await sync.RunAsync(cancellationToken), false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (sync.Stopped("The sync was cancelled; it resumes where it stopped at the next run."), true);
        }
        catch (ExchangeApiException failure)
        {
            var message = SyncFailureWording.For(failure);
            logger.LogWarning("Ledger sync of {Kind} for connection {ConnectionId} stopped: {Message}", sync.Kind, sync.ConnectionId, failure.Message);
            await sync.RecordFailureAsync(message, CancellationToken.None);
            return (sync.Stopped(message), SyncFailureWording.StopsRun(failure));
        }
        catch (Exception failure) when (failure is DbException or DbUpdateException or InvalidOperationException or HttpRequestException or IOException
                                           or OperationCanceledException)
        {
            const string message = "The sync failed unexpectedly (see the portal's log); it resumes where it stopped at the next run.";
            logger.LogError(failure, "Ledger sync of {Kind} for connection {ConnectionId} failed", sync.Kind, sync.ConnectionId);
            await sync.RecordFailureAsync(message, CancellationToken.None);
            return (sync.Stopped(message), true);
        }
    }

    private ILedgerHistorySync Create(LedgerKind kind, HistorySyncContext context) => kind switch
    {
        LedgerKind.Trades => new TradeHistorySync(context),
        LedgerKind.Orders => new OrderHistorySync(context, logger),
        LedgerKind.Deposits => new TransferHistorySync(context, TransferDirection.Deposit),
        _ => new TransferHistorySync(context, TransferDirection.Withdrawal),
    };

    private void Report(ConnectionSyncRun run, LedgerKind kind, int pages, long rows, long? expected)
    {
        var now = time.GetUtcNow();
        if (run.Current is not { } current || current.Kind != kind)
        {
            current = (kind, now);
            run.Current = current;
        }

        var seconds = (now - current.Since).TotalSeconds;
        var rate = seconds > 0 ? rows / seconds : 0;
        TimeSpan? remaining = expected is { } total && rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - rows) / rate) : null;
        var progress = new LedgerSyncProgress(run.ConnectionId, kind, pages, rows, rate, expected, remaining, run.StartedAt);
        run.Progress = progress;
        Raise(ProgressChanged, progress);
    }

    /// <summary>Calls every handler, so one failing page does not break the run or the other pages.</summary>
    private void Raise<T>(Action<T>? handlers, T value)
    {
        foreach (var handler in handlers?.GetInvocationList().Cast<Action<T>>() ?? [])
        {
            try
            {
                handler(value);
            }
#pragma warning disable CA1031 // a subscriber's failure must not stop the sync
            catch (Exception failure)
#pragma warning restore CA1031
            {
                logger.LogError(failure, "A ledger sync subscriber failed");
            }
        }
    }
}
