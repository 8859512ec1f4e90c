using System.Text.Json;
using AllexPortal.Core.Holdings;
using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Prices;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// Extends a connection's value-over-time line back to its first transaction: once its ledger is complete, the
/// holdings at the end of every UTC day up to yesterday are rebuilt from the ledger, valued at the exchange's daily
/// closes in usdt (<see cref="CandleStore"/>; a day without a candle takes the last close before it, a coin with no
/// usdt pair either way counts nothing) and written as <see cref="ValuationSnapshotSource.Ledger"/> snapshots at the
/// day's end. Days with a recorded snapshot (view, schedule or balance history) within a day are left to it. Running it
/// again rewrites only days whose value changed (the ledger grew, a day closed), so a second run writes nothing.
/// </summary>
public sealed class LedgerBackfill(
    IDbContextFactory<PortalDb> databases,
    LedgerHoldings ledger,
    CandleStore candles,
    MarketData market,
    PortalExchangeEndpoint endpoint,
    TimeProvider time,
    ILogger<LedgerBackfill> logger)
{
    /// <summary>How close a recorded snapshot must be to a day's end to stand for that day instead of the ledger.</summary>
    public static readonly TimeSpan RecordedSnapshotReach = TimeSpan.FromDays(1);

    /// <summary>Writes the connection's missing or changed ledger snapshots; returns how many rows it wrote.</summary>
    public async Task<int> BackfillAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null || await ledger.CompleteAsOfAsync(connectionId, cancellationToken) is null)
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var days = HoldingsReconstruction.DayEnds(await ledger.EventsAsync(connectionId, cancellationToken), today.AddDays(-1));
        if (days.Count == 0)
        {
            return 0;
        }

        var since = days[0].End - RecordedSnapshotReach;
        var snapshots = await db.ValuationSnapshots
            .Where(s => s.ConnectionId == connectionId && s.TakenAt >= since)
            .ToListAsync(cancellationToken);
        var recorded = snapshots.Where(s => s.Source != ValuationSnapshotSource.Ledger).Select(s => s.TakenAt.UtcTicks).Order().ToList();
        var existing = snapshots.Where(s => s.Source == ValuationSnapshotSource.Ledger)
            .GroupBy(s => s.TakenAt.UtcTicks)
            .ToDictionary(g => g.Key, g => g.First());
        var uncovered = days.Where(d => !IsNear(recorded, d.End)).ToList();
        if (uncovered.Count == 0)
        {
            return 0;
        }

        var exchange = connection.IsDemo ? endpoint.BaseUrl : new Uri(connection.BaseUrl);
        var prices = await DailyPricesAsync(exchange, uncovered, cancellationToken);
        var written = 0;
        foreach (var day in uncovered)
        {
            var total = day.Amounts.Sum(a => prices.PriceOf(a.Key, day.Day) is { } price ? a.Value * price : 0m);
            var holdings = JsonSerializer.Serialize(new SortedDictionary<string, decimal>(day.Amounts.ToDictionary(), StringComparer.Ordinal));
            if (existing.TryGetValue(day.End.UtcTicks, out var row))
            {
                if (row.TotalValue == total && row.Holdings == holdings)
                {
                    continue;
                }

                row.TotalValue = total;
                row.Holdings = holdings;
            }
            else
            {
                db.ValuationSnapshots.Add(new ValuationSnapshot
                {
                    ConnectionId = connectionId,
                    TakenAt = day.End,
                    QuoteCurrency = SnapshotStore.Quote,
                    TotalValue = total,
                    Holdings = holdings,
                    Source = ValuationSnapshotSource.Ledger,
                });
            }

            written++;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Ledger backfill of connection {ConnectionId} wrote {Count} day-end snapshots", connectionId, written);
        return written;
    }

    /// <summary>True when a recorded snapshot (sorted ticks) lies within <see cref="RecordedSnapshotReach"/> of <paramref name="at"/>.</summary>
    internal static bool IsNear(List<long> recordedTicks, DateTimeOffset at)
    {
        var index = recordedTicks.BinarySearch(at.UtcTicks);
        if (index >= 0)
        {
            return true;
        }

        index = ~index;
        var reach = RecordedSnapshotReach.Ticks;
        return (index < recordedTicks.Count && recordedTicks[index] - at.UtcTicks < reach)
            || (index > 0 && at.UtcTicks - recordedTicks[index - 1] < reach);
    }

    private async Task<DailyPrices> DailyPricesAsync(Uri exchange, List<DayEndHoldings> days, CancellationToken cancellationToken)
    {
        var pairs = await market.PairNamesAsync(exchange, cancellationToken);
        var from = new DateTimeOffset(days[0].Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var to = days[^1].End;
        var prices = new DailyPrices();
        foreach (var coin in days.SelectMany(d => d.Amounts.Keys).Distinct(StringComparer.Ordinal))
        {
            switch (PriceRoute.Find(coin, SnapshotStore.Quote, pairs))
            {
                case null:
                    break;
                case []:
                    prices.Fixed(coin, 1m);
                    break;
                case [var leg]:
                    var closes = await candles.ClosesAsync(exchange, leg.Symbol, CandleResolution.Day, from, to, cancellationToken);
                    prices.Add(coin, closes.Where(c => leg.Apply(c.Close) is not null)
                        .Select(c => (DateOnly.FromDateTime(c.OpenTime.UtcDateTime), leg.Apply(c.Close)!.Value)));
                    break;
                default:
                    throw new InvalidOperationException($"A usdt price of {coin} needs one pair, not a route through usdt.");
            }
        }

        return prices;
    }

    /// <summary>Daily usdt prices per coin, with a day without a candle taking the last close before it.</summary>
    private sealed class DailyPrices
    {
        private readonly Dictionary<string, decimal> fixedPrices = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedList<DateOnly, decimal>> closes = new(StringComparer.Ordinal);

        public void Fixed(string coin, decimal price) => fixedPrices[coin] = price;

        public void Add(string coin, IEnumerable<(DateOnly Day, decimal Price)> dailyCloses)
        {
            var list = new SortedList<DateOnly, decimal>();
            foreach (var (day, price) in dailyCloses)
            {
                list[day] = price;
            }

            closes[coin] = list;
        }

        public decimal? PriceOf(string coin, DateOnly day)
        {
            if (fixedPrices.TryGetValue(coin, out var price))
            {
                return price;
            }

            if (!closes.TryGetValue(coin, out var list) || list.Count == 0 || list.Keys[0] > day)
            {
                return null;
            }

            var keys = list.Keys;
            int low = 0, high = keys.Count - 1;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (keys[middle] <= day)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return list.Values[low];
        }
    }
}
