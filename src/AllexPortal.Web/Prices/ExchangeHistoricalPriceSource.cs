using AllexPortal.Core.Tax.Pricing;
using AllexPortal.Web.Portfolio;

namespace AllexPortal.Web.Prices;

/// <summary>
/// Hourly closes of one exchange for the tax engine, from the local candle cache (<see cref="CandleStore"/>). Each key's
/// asset and currency are routed over the exchange's pairs (<see cref="PriceRoute"/>), then every pair needed is read
/// once over the span from its earliest to its latest key, so a report costs one range read per pair rather than a
/// request per event. A key whose asset has no route, or whose hour has no candle on every leg, is left out (the
/// engine then warns).
/// </summary>
public sealed class ExchangeHistoricalPriceSource(CandleStore candles, MarketData market, Uri exchange) : IHistoricalPriceSource
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

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
        var routed = keys
            .GroupBy(k => (k.Asset, k.Currency))
            .Select(g => (Keys: g.ToList(), Route: PriceRoute.Find(g.Key.Asset.Code, g.Key.Currency.Code, pairs)))
            .Where(g => g.Route is not null)
            .ToList();
        var spans = routed
            .SelectMany(g => g.Route!.Select(leg => (leg.Symbol, From: g.Keys.Min(k => k.HourStart), To: g.Keys.Max(k => k.HourStart) + Hour)))
            .GroupBy(s => s.Symbol, StringComparer.Ordinal)
            .Select(g => (Symbol: g.Key, From: g.Min(s => s.From), To: g.Max(s => s.To)));
        var closes = new Dictionary<string, Dictionary<DateTimeOffset, decimal>>(StringComparer.Ordinal);
        foreach (var (symbol, from, to) in spans)
        {
            var read = await candles.ClosesAsync(Exchange, symbol, CandleResolution.Hour, from, to, cancellationToken);
            closes[symbol] = read.ToDictionary(c => c.OpenTime, c => c.Close);
        }

        foreach (var (groupKeys, route) in routed)
        {
            foreach (var key in groupKeys)
            {
                if (PriceAt(key.HourStart, route!, closes) is { } price)
                {
                    found[key] = price;
                }
            }
        }

        return found;
    }

    private static decimal? PriceAt(DateTimeOffset hour, IReadOnlyList<PriceLeg> route, Dictionary<string, Dictionary<DateTimeOffset, decimal>> closes)
    {
        var price = 1m;
        foreach (var leg in route)
        {
            if (!closes[leg.Symbol].TryGetValue(hour, out var close) || leg.Apply(close) is not { } legPrice)
            {
                return null;
            }

            price *= legPrice;
        }

        return price;
    }
}
