using AllexPortal.Core.Portfolio;
using AllexPortal.Exchange;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// Public market data of an exchange, fetched once and shared by every user through <see cref="HybridCache"/>
/// with short lifetimes (<see cref="PortfolioOptions"/>). Only plain, serialisable shapes are cached, never
/// anything a user owns: with Redis configured the cache is shared by every portal instance
/// (<see cref="MarketCacheServiceCollectionExtensions"/>). Exchange faults surface as
/// <see cref="Exchange.Errors.ExchangeApiException"/>.
/// </summary>
public sealed class MarketData(
    [FromKeyedServices(MarketData.CacheKey)] HybridCache cache, IAllexClientFactory clients, IOptions<PortfolioOptions> options)
{
    /// <summary>The service key of the public-data cache; only public exchange data is stored under it.</summary>
    public const string CacheKey = "market";

    /// <summary>Coin symbol → full name (e.g. btc → Bitcoin) of every coin the exchange lists.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CoinNamesAsync(Uri exchange, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            $"market:{exchange}:coins",
            async token =>
            {
                var constants = await clients.ForPublic(exchange).GetConstantsAsync(token);
                return constants.Coins.Values.ToDictionary(
                    c => c.Symbol.ToLowerInvariant(),
                    c => string.IsNullOrWhiteSpace(c.Fullname) ? c.Symbol.ToUpperInvariant() : c.Fullname,
                    StringComparer.Ordinal);
            },
            Lifetime(options.Value.ConstantsLifetime),
            cancellationToken: cancellationToken);

    /// <summary>The names of every pair the exchange lists (e.g. <c>btc-usdt</c>), lower case.</summary>
    public async Task<IReadOnlySet<string>> PairNamesAsync(Uri exchange, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            $"market:{exchange}:pairs",
            async token =>
            {
                var constants = await clients.ForPublic(exchange).GetConstantsAsync(token);
                return constants.Pairs
                    .Select(p => string.IsNullOrWhiteSpace(p.Value.Name) ? p.Key : p.Value.Name)
                    .Select(name => name.ToLowerInvariant())
                    .ToHashSet(StringComparer.Ordinal);
            },
            Lifetime(options.Value.ConstantsLifetime),
            cancellationToken: cancellationToken);

    /// <summary>Every pair's 24 h open and close.</summary>
    public async Task<IReadOnlyList<PairRange>> TickersAsync(Uri exchange, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            $"market:{exchange}:tickers",
            async token =>
            {
                var tickers = await clients.ForPublic(exchange).GetTickersAsync(token);
                return tickers.Select(t => new PairRange(t.Key, t.Value.Open, t.Value.Close)).ToList();
            },
            Lifetime(options.Value.TickersLifetime),
            cancellationToken: cancellationToken);

    /// <summary>Oracle prices of <paramref name="coins"/> in <paramref name="quote"/>, in one call; unpriced coins are absent.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> PricesAsync(
        Uri exchange, IEnumerable<string> coins, string quote, CancellationToken cancellationToken)
    {
        var assets = coins.Select(c => c.ToLowerInvariant()).Where(c => c != quote).Distinct().Order(StringComparer.Ordinal).ToList();
        if (assets.Count == 0)
        {
            return new Dictionary<string, decimal>();
        }

        return await cache.GetOrCreateAsync(
            $"market:{exchange}:prices:{quote}:{string.Join(',', assets)}",
            async token =>
            {
                var prices = await clients.ForPublic(exchange).GetOraclePricesAsync(assets, quote, cancellationToken: token);
                return assets
                    .Select(a => (Asset: a, Found: prices.TryGetPrice(a, out var price), Price: price))
                    .Where(p => p.Found)
                    .ToDictionary(p => p.Asset, p => p.Price, StringComparer.Ordinal);
            },
            Lifetime(options.Value.PricesLifetime),
            cancellationToken: cancellationToken);
    }

    private static HybridCacheEntryOptions Lifetime(TimeSpan lifetime) =>
        new() { Expiration = lifetime, LocalCacheExpiration = lifetime };
}
