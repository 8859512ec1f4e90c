using AllexPortal.Core.Portfolio;
using AllexPortal.Exchange.Errors;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// Takes a usdt snapshot of EVERY connection each <see cref="PortfolioOptions.SnapshotInterval"/>, viewed or
/// not, so the value-over-time chart has no gaps for users who look rarely (one balance call per connection per
/// interval). A failing connection is logged and recorded on the connection, and the round goes on.
/// </summary>
public sealed class SnapshotScheduler(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDb> databases,
    MarketData market,
    SnapshotStore snapshots,
    TimeProvider time,
    IOptions<PortfolioOptions> options,
    ILogger<SnapshotScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SnapshotInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await SnapshotAllAsync(stoppingToken);
        }
    }

    /// <summary>One round: a scheduled snapshot of every connection.</summary>
    internal async Task SnapshotAllAsync(CancellationToken cancellationToken)
    {
        List<string> owners;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            owners = await db.Connections.Select(c => c.OwnerId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var owner in owners)
        {
            await using var scope = scopes.CreateAsyncScope();
            var connections = scope.ServiceProvider.GetRequiredService<ConnectionService>();
            foreach (var connection in await connections.ListKeysOfAsync(owner, cancellationToken))
            {
                try
                {
                    await SnapshotAsync(connections, owner, connection, cancellationToken);
                }
                catch (Exception failure) when (failure is ExchangeApiException or ConnectionCredentialsUnreadableException)
                {
                    logger.LogWarning("Scheduled snapshot of connection {ConnectionId} failed: {Message}", connection.Id, failure.Message);
                    await connections.RecordOutcomeAsync(owner, connection.Id, failure.Message, cancellationToken);
                }
            }
        }
    }

    private async Task SnapshotAsync(ConnectionService connections, string owner, ConnectionSummary connection, CancellationToken cancellationToken)
    {
        var client = await connections.OpenClientAsync(owner, connection.Id, cancellationToken);
        var balance = await client.User.GetBalanceAsync(cancellationToken);
        var holdings = balance.Coins.Select(c => new Holding(c.Coin, c.Available, c.Total)).ToList();
        var prices = await market.PricesAsync(connection.BaseUrl, holdings.Where(h => h.Total != 0m).Select(h => h.Coin), SnapshotStore.Quote, cancellationToken);
        var total = PortfolioValuation.Of(new ValuationInput { Quote = SnapshotStore.Quote, Holdings = holdings, Prices = prices }).Total;
        await snapshots.RecordAsync(
            connection.Id, time.GetUtcNow(), total, PortfolioService.AmountsOf(holdings), ValuationSnapshotSource.Schedule,
            options.Value.SnapshotInterval / 2, cancellationToken);
    }
}
