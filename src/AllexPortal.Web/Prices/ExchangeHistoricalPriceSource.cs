using AllexPortal.Core.Tax.Pricing;
using AllexPortal.Web.Portfolio;

namespace AllexPortal.Web.Prices;

/// <summary>
/// Hourly closes of one exchange for the tax engine, from the local candle cache (<see cref="CandleStore"/>). Keys
/// are grouped by asset and currency, and each pair on the route (<see cref="PriceRoute"/>) is read over the whole
/// span of its keys in one go, so a report costs a few range reads rather than one request per event. A key whose
/// asset has no route, or whose hour has no candle on every leg, is left out (the engine then warns).
/// </summary>
public sealed class ExchangeHistoricalPriceSource(CandleStore candles, MarketData market, Uri exchange) : IHistoricalPriceSource
{
    /// <summary>The exchange whose candles price the keys.</summary>
    public Uri Exchange { get; } = exchange;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<PriceKey, decimal>> GetHourlyClosesAsync(IReadOnlyCollection<PriceKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<PriceKey, decimal>(keys.Count);
        if (keys.Count == 0)
        {
            return found;
        }

        var pairs = await market.PairNamesAsync(Exchange, cancellationToken);
        var legCloses = new Dictionary<string, Dictionary<DateTimeOffset, decimal>>(StringComparer.Ordinal);
        foreach (var group in keys.GroupBy(k => (k.Asset, k.Currency)))
        {
            if (PriceRoute.Find(group.Key.Asset.Code, group.Key.Currency.Code, pairs) is not { } route)
            {
                continue;
            }

            var from = group.Min(k => k.HourStart);
            var to = group.Max(k => k.HourStart) + TimeSpan.FromHours(1);
            var legs = new List<(PriceLeg Leg, Dictionary<DateTimeOffset, decimal> Closes)>();
            foreach (var leg in route)
            {
                legs.Add((leg, await ClosesAsync(leg.Symbol, from, to, legCloses, cancellationToken)));
            }

            foreach (var key in group)
            {
                if (PriceAt(key.HourStart, legs) is { } price)
                {
                    found[key] = price;
                }
            }
        }

        return found;
    }

    private static decimal? PriceAt(DateTimeOffset hour, List<(PriceLeg Leg, Dictionary<DateTimeOffset, decimal> Closes)> legs)
    {
        var price = 1m;
        foreach (var (leg, closes) in legs)
        {
            if (!closes.TryGetValue(hour, out var close) || leg.Apply(close) is not { } legPrice)
            {
                return null;
            }

            price *= legPrice;
        }

        return price;
    }

    private async Task<Dictionary<DateTimeOffset, decimal>> ClosesAsync(
        string symbol, DateTimeOffset from, DateTimeOffset to, Dictionary<string, Dictionary<DateTimeOffset, decimal>> known, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(symbol, out var closes))
        {
            closes = [];
            known[symbol] = closes;
        }

        if (!closes.ContainsKey(from) || !closes.ContainsKey(to - TimeSpan.FromHours(1)))
        {
            foreach (var (openTime, close) in await candles.ClosesAsync(Exchange, symbol, CandleResolution.Hour, from, to, cancellationToken))
            {
                closes[openTime] = close;
            }
        }

        return closes;
    }
}
