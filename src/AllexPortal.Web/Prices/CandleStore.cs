using System.Collections.Concurrent;
using AllexPortal.Exchange;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Prices;

/// <summary>
/// Closes of an exchange's candles, read from the local cache (<see cref="CachedCandle"/>) and fetched from
/// <c>GET /chart</c> only for the spans never fetched before (<see cref="CachedCandleRange"/>), so a span in which
/// the pair did not trade is not asked for again either. Only closed candles are cached; the still-open one is
/// fetched on each call and never stored, so a cached close is final. Concurrent callers of one pair and resolution
/// take turns in this process, and a duplicate written by another process is tolerated (unique index).
/// </summary>
public sealed class CandleStore(IDbContextFactory<PortalDb> databases, IAllexClientFactory clients, TimeProvider time, ILogger<CandleStore> logger)
{
    /// <summary>
    /// Candles asked for per request. The Kit sets no documented cap, large answers are slow, and ccxt asks for at most
    /// 1000; the sandbox (like an exchange that caps) keeps only the newest bars of an over-long range.
    /// </summary>
    public const int MaxCandlesPerRequest = 1000;

    private readonly ConcurrentDictionary<(string Exchange, string Symbol, CandleResolution Resolution), SemaphoreSlim> gates = new();

    /// <summary>
    /// The closes of <paramref name="symbol"/>'s candles opening in [<paramref name="from"/>, <paramref name="to"/>),
    /// <paramref name="from"/> rounded down to the candle it falls in, oldest first. Candles the exchange does not
    /// have (no trading) are absent. The still-open candle, if inside the range, comes last with its latest close.
    /// </summary>
    public async Task<IReadOnlyList<(DateTimeOffset OpenTime, decimal Close)>> ClosesAsync(
        Uri exchange, string symbol, CandleResolution resolution, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var key = ExchangeKey(exchange);
        symbol = symbol.Trim().ToLowerInvariant();
        var start = resolution.Floor(from);
        var end = resolution.Ceiling(to);
        if (end <= start)
        {
            return [];
        }

        var openCandle = resolution.Floor(time.GetUtcNow());
        var closedEnd = end < openCandle ? end : openCandle;
        var closes = new List<(DateTimeOffset OpenTime, decimal Close)>();
        if (closedEnd > start)
        {
            await FillAsync(exchange, key, symbol, resolution, new CandleSpan(start, closedEnd), cancellationToken);
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var cached = await db.CachedCandles.AsNoTracking()
                .Where(c => c.Exchange == key && c.Symbol == symbol && c.Resolution == resolution && c.OpenTime >= start && c.OpenTime < closedEnd)
                .Select(c => new { c.OpenTime, c.Close })
                .ToListAsync(cancellationToken);
            closes.AddRange(cached.Select(c => (c.OpenTime, c.Close)).OrderBy(c => c.OpenTime));
        }

        if (end > openCandle)
        {
            var liveFrom = start > openCandle ? start : openCandle;
            closes.AddRange((await FetchAsync(exchange, symbol, resolution, new CandleSpan(liveFrom, end), cancellationToken))
                .Select(c => (c.OpenTime, c.Close)));
        }

        return closes;
    }

    /// <summary>How the cache names an exchange: its absolute base URL without a trailing slash.</summary>
    public static string ExchangeKey(Uri exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return exchange.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private async Task FillAsync(Uri exchange, string key, string symbol, CandleResolution resolution, CandleSpan wanted, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd((key, symbol, resolution), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            List<CandleSpan> covered;
            await using (var db = await databases.CreateDbContextAsync(cancellationToken))
            {
                covered = (await db.CachedCandleRanges.AsNoTracking()
                        .Where(r => r.Exchange == key && r.Symbol == symbol && r.Resolution == resolution && r.To > wanted.From && r.From < wanted.To)
                        .Select(r => new { r.From, r.To })
                        .ToListAsync(cancellationToken))
                    .Select(r => new CandleSpan(r.From, r.To))
                    .ToList();
            }

            var step = resolution.Length();
            foreach (var gap in CandleSpan.Uncovered(wanted, covered))
            {
                for (var chunkStart = gap.From; chunkStart < gap.To;)
                {
                    var chunkEnd = chunkStart + step * MaxCandlesPerRequest;
                    chunkEnd = chunkEnd < gap.To ? chunkEnd : gap.To;
                    var chunk = new CandleSpan(chunkStart, chunkEnd);
                    var candles = await FetchAsync(exchange, symbol, resolution, chunk, cancellationToken);
                    await StoreAsync(key, symbol, resolution, chunk, candles, cancellationToken);
                    chunkStart = chunkEnd;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<List<(DateTimeOffset OpenTime, decimal Close)>> FetchAsync(
        Uri exchange, string symbol, CandleResolution resolution, CandleSpan span, CancellationToken cancellationToken)
    {
        // The exchange answers every candle whose bucket overlaps [from, to] (both ends inclusive), so the last second
        // of the span is asked for and anything outside it or off the resolution's grid is dropped.
        var candles = await clients.ForPublic(exchange).GetChartAsync(
            symbol, resolution.ChartParameter(), span.From.ToUnixTimeSeconds(), span.To.ToUnixTimeSeconds() - 1, cancellationToken);
        logger.LogDebug("Fetched {Count} {Resolution} candles of {Symbol} for {From:o}..{To:o}", candles.Count, resolution, symbol, span.From, span.To);
        return [.. candles
            .Select(c => (OpenTime: c.Time.ToUniversalTime(), c.Close))
            .Where(c => c.OpenTime >= span.From && c.OpenTime < span.To && resolution.Floor(c.OpenTime) == c.OpenTime)
            .DistinctBy(c => c.OpenTime)
            .OrderBy(c => c.OpenTime)];
    }

    private async Task StoreAsync(
        string key, string symbol, CandleResolution resolution, CandleSpan span, List<(DateTimeOffset OpenTime, decimal Close)> candles, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var present = (await db.CachedCandles.AsNoTracking()
                    .Where(c => c.Exchange == key && c.Symbol == symbol && c.Resolution == resolution && c.OpenTime >= span.From && c.OpenTime < span.To)
                    .Select(c => c.OpenTime)
                    .ToListAsync(cancellationToken))
                .ToHashSet();
            db.CachedCandles.AddRange(candles.Where(c => !present.Contains(c.OpenTime)).Select(c => new CachedCandle
            {
                Exchange = key,
                Symbol = symbol,
                Resolution = resolution,
                OpenTime = c.OpenTime,
                Close = c.Close,
            }));
            var touching = await db.CachedCandleRanges
                .Where(r => r.Exchange == key && r.Symbol == symbol && r.Resolution == resolution && r.To >= span.From && r.From <= span.To)
                .ToListAsync(cancellationToken);
            var from = touching.Select(r => r.From).Append(span.From).Min();
            var to = touching.Select(r => r.To).Append(span.To).Max();
            db.CachedCandleRanges.RemoveRange(touching);
            db.CachedCandleRanges.Add(new CachedCandleRange { Exchange = key, Symbol = symbol, Resolution = resolution, From = from, To = to });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException failure) when (attempt < 3)
            {
                // Another portal instance stored some of these candles or merged these spans first: read again and retry.
                logger.LogDebug(failure, "Candle cache write of {Symbol} raced another writer; retrying", symbol);
            }
        }
    }
}
