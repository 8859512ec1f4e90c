using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using AllexPortal.Sandbox;
using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Prices;
using AllexPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AllexPortal.Web.Tests.Prices;

/// <summary>
/// The portal in demo mode on a loopback port and a clock that stands still (on a whole hour plus 20 minutes, so an
/// hourly candle is open), recording every <c>GET /chart</c> the embedded sandbox serves, so tests can count and
/// inspect the candle requests the portal's cache lets through.
/// </summary>
public sealed class CandlePortal : ListeningPortal
{
    /// <summary>Marks the test's own reads of the sandbox, which are not counted.</summary>
    private const string TruthHeader = "X-Test-Truth";

    private readonly ConcurrentQueue<ChartRequest> chartRequests = new();

    /// <summary>The frozen "now": 20 minutes into an hour.</summary>
    public DateTimeOffset Now { get; } = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddHours(-4).AddMinutes(20);

    /// <summary>Midnight UTC of <see cref="Now"/>'s day.</summary>
    public DateTimeOffset Today => new(Now.UtcDateTime.Date, TimeSpan.Zero);

    public SandboxExchange Sandbox => Services.GetRequiredService<SandboxExchange>();

    public Uri ExchangeUrl => Services.GetRequiredService<PortalExchangeEndpoint>().BaseUrl;

    public CandleStore Candles => Services.GetRequiredService<CandleStore>();

    /// <summary>Chart requests served so far, oldest first.</summary>
    public IReadOnlyList<ChartRequest> ChartRequests => [.. chartRequests];

    /// <summary>Chart requests served for <paramref name="symbol"/>.</summary>
    public int ChartRequestsFor(string symbol) => chartRequests.Count(r => r.Symbol == symbol);

    /// <summary>Cached rows for <paramref name="symbol"/> straight from the database.</summary>
    public async Task<(List<CachedCandle> Candles, List<CachedCandleRange> Ranges)> CachedAsync(string symbol, CandleResolution resolution)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        var candles = await db.CachedCandles.AsNoTracking().Where(c => c.Symbol == symbol && c.Resolution == resolution).ToListAsync(cancellationToken);
        var ranges = await db.CachedCandleRanges.AsNoTracking().Where(r => r.Symbol == symbol && r.Resolution == resolution).ToListAsync(cancellationToken);
        return (candles, ranges);
    }

    /// <summary>The sandbox's own closes of <paramref name="symbol"/>, read over HTTP without the portal's client or cache.</summary>
    public async Task<Dictionary<DateTimeOffset, decimal>> SandboxClosesAsync(string symbol, string resolution, DateTimeOffset from, DateTimeOffset to)
    {
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Add(TruthHeader, "1");
        var json = await http.GetStringAsync(
            new Uri($"/sandbox/v2/chart?symbol={symbol}&resolution={resolution}&from={from.ToUnixTimeSeconds()}&to={to.ToUnixTimeSeconds()}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().ToDictionary(
            c => DateTimeOffset.Parse(c.GetProperty("time").GetString()!, CultureInfo.InvariantCulture),
            c => decimal.Parse(c.GetProperty("close").GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portfolio:SnapshotInterval", "00:00:00");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
            services.AddSingleton<IStartupFilter>(new RecordingFilter(chartRequests));
        });
    }

    /// <summary>One <c>GET /chart</c> as the sandbox received it.</summary>
    public sealed record ChartRequest(string Symbol, string Resolution, DateTimeOffset From, DateTimeOffset To);

    private sealed class RecordingFilter(ConcurrentQueue<ChartRequest> requests) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path.StartsWithSegments("/sandbox/v2/chart") && !context.Request.Headers.ContainsKey(TruthHeader))
                {
                    var query = context.Request.Query;
                    if (query.ContainsKey("from"))
                    {
                        requests.Enqueue(new ChartRequest(
                            query["symbol"].ToString(),
                            query["resolution"].ToString(),
                            DateTimeOffset.FromUnixTimeSeconds(long.Parse(query["from"].ToString(), CultureInfo.InvariantCulture)),
                            DateTimeOffset.FromUnixTimeSeconds(long.Parse(query["to"].ToString(), CultureInfo.InvariantCulture))));
                    }
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
