using AllexPortal.Exchange;
using AllexPortal.Web.Portfolio;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Trading;

/// <summary>
/// The exchange's trading and wallet rules (pairs, coins, fee tiers), fetched from <c>/constants</c> and
/// <c>/tiers</c> once and shared by every user through <see cref="HybridCache"/> for
/// <see cref="PortfolioOptions.ConstantsLifetime"/>. Nothing a user owns is cached here.
/// </summary>
public sealed class MarketRules(HybridCache cache, IAllexClientFactory clients, MarketData market, IOptions<PortfolioOptions> options)
{
    /// <summary>Every active pair, by name.</summary>
    public async Task<IReadOnlyList<PairRules>> PairsAsync(Uri exchange, CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync(
            $"trading:{exchange}:pairs",
            async token =>
            {
                var constants = await clients.ForPublic(exchange).GetConstantsAsync(token);
                return constants.Pairs.Where(p => p.Value.Active).Select(p => PairRules.From(p.Key, p.Value))
                    .OrderBy(p => p.Symbol, StringComparer.Ordinal).ToList();
            },
            Lifetime(),
            cancellationToken: cancellationToken);

    /// <summary>Every active coin, by symbol.</summary>
    public async Task<IReadOnlyList<CoinRules>> CoinsAsync(Uri exchange, CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync(
            $"trading:{exchange}:coins",
            async token =>
            {
                var constants = await clients.ForPublic(exchange).GetConstantsAsync(token);
                return constants.Coins.Where(c => c.Value.Active).Select(c => CoinRules.From(c.Key, c.Value))
                    .OrderBy(c => c.Symbol, StringComparer.Ordinal).ToList();
            },
            Lifetime(),
            cancellationToken: cancellationToken);

    /// <summary>The fee rates of <paramref name="symbol"/> in fee tier <paramref name="tier"/>; null when the exchange lists none.</summary>
    public async Task<FeeRates?> FeeRatesAsync(Uri exchange, int tier, string symbol, CancellationToken cancellationToken = default)
    {
        var tiers = await cache.GetOrCreateAsync(
            $"trading:{exchange}:tiers",
            async token =>
            {
                var all = await clients.ForPublic(exchange).GetTiersAsync(token);
                return all.Where(t => t.Value.Fees is not null).ToDictionary(
                    t => t.Key,
                    t => t.Value.Fees!.Taker.Keys.Union(t.Value.Fees.Maker.Keys).ToDictionary(
                        pair => pair,
                        pair => new FeeRates(
                            t.Value.Fees.Maker.GetValueOrDefault(pair, t.Value.Fees.Taker.GetValueOrDefault(pair)),
                            t.Value.Fees.Taker.GetValueOrDefault(pair, t.Value.Fees.Maker.GetValueOrDefault(pair)))));
            },
            Lifetime(),
            cancellationToken: cancellationToken);
        return tiers.TryGetValue(tier.ToString(System.Globalization.CultureInfo.InvariantCulture), out var pairs) && pairs.TryGetValue(symbol, out var rates)
            ? rates
            : null;
    }

    /// <summary>The pair's last price from the (shortly cached) tickers, for estimating a market order.</summary>
    public async Task<decimal?> LastPriceAsync(Uri exchange, string symbol, CancellationToken cancellationToken = default)
    {
        var tickers = await market.TickersAsync(exchange, cancellationToken);
        return tickers.FirstOrDefault(t => string.Equals(t.Symbol, symbol, StringComparison.OrdinalIgnoreCase))?.Close;
    }

    private HybridCacheEntryOptions Lifetime() =>
        new() { Expiration = options.Value.ConstantsLifetime, LocalCacheExpiration = options.Value.ConstantsLifetime };
}
