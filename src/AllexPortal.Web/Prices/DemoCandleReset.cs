using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Prices;

/// <summary>
/// In demo mode, forgets the candles cached from the embedded sandbox at start. The sandbox generates its prices
/// relative to the moment it starts, so a close cached in an earlier run is not this run's close for the same hour;
/// a real exchange's closed candles never change and are kept.
/// </summary>
public sealed class DemoCandleReset(IDbContextFactory<PortalDb> databases, IOptions<PortalExchangeOptions> options, ILogger<DemoCandleReset> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsDemo)
        {
            return;
        }

        var suffix = options.Value.SandboxPrefix.TrimEnd('/');
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var candles = await db.CachedCandles.Where(c => c.Exchange.EndsWith(suffix)).ExecuteDeleteAsync(cancellationToken);
        await db.CachedCandleRanges.Where(r => r.Exchange.EndsWith(suffix)).ExecuteDeleteAsync(cancellationToken);
        if (candles > 0)
        {
            logger.LogInformation("Demo mode: forgot {Count} candles cached from an earlier sandbox run", candles);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
