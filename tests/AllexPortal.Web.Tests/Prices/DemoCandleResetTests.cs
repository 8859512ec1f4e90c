using AllexPortal.Web.Data;
using AllexPortal.Web.Prices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AllexPortal.Web.Tests.Prices;

/// <summary>The demo forgets sandbox candles of an earlier run at start and keeps a real exchange's.</summary>
public sealed class DemoCandleResetTests(CandlePortal portal) : IClassFixture<CandlePortal>
{
    [Fact]
    public async Task Start_in_demo_mode_deletes_sandbox_candles_and_keeps_other_exchanges()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var databases = portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>();
        var sandboxKey = CandleStore.ExchangeKey(portal.ExchangeUrl);
        var realKey = CandleStore.ExchangeKey(new Uri("https://api.allex.online"));
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            foreach (var key in new[] { sandboxKey, realKey })
            {
                db.CachedCandles.Add(new CachedCandle { Exchange = key, Symbol = "btc-usdt", Resolution = CandleResolution.Day, OpenTime = portal.Today.AddDays(-3), Close = 1m });
                db.CachedCandleRanges.Add(new CachedCandleRange { Exchange = key, Symbol = "btc-usdt", Resolution = CandleResolution.Day, From = portal.Today.AddDays(-3), To = portal.Today.AddDays(-2) });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var reset = portal.Services.GetServices<IHostedService>().OfType<DemoCandleReset>().Single();
        await reset.StartAsync(cancellationToken);

        await using var check = await databases.CreateDbContextAsync(cancellationToken);
        Assert.Equal([realKey], await check.CachedCandles.Select(c => c.Exchange).ToListAsync(cancellationToken));
        Assert.Equal([realKey], await check.CachedCandleRanges.Select(r => r.Exchange).ToListAsync(cancellationToken));
    }
}
