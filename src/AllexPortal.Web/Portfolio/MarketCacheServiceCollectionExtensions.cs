using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Portfolio;

/// <summary>
/// The cache of public exchange data (<see cref="MarketData"/>): a <see cref="Microsoft.Extensions.Caching.Hybrid.HybridCache"/>
/// registered under <see cref="MarketData.CacheKey"/>, whose second level is Redis when <c>ConnectionStrings:Redis</c>
/// (or <c>Cache:Redis</c>) is set, so instances share prices, constants and tickers; in memory per instance otherwise.
/// The Redis level is registered under the same key only, never as the app's <see cref="IDistributedCache"/>, so
/// nothing but this public data can reach Redis by accident.
/// </summary>
public static class MarketCacheServiceCollectionExtensions
{
    /// <summary>Prefix of every key the portal writes to Redis.</summary>
    public const string RedisKeyPrefix = "allexportal:market:";

    public static WebApplicationBuilder AddPortalMarketCache(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var redis = RedisConfiguration(builder.Configuration);
        if (redis is null)
        {
            builder.Services.AddKeyedHybridCache(MarketData.CacheKey);
            return builder;
        }

        builder.Services.AddSingleton(_ => new RedisConnection(redis));
        builder.Services.AddKeyedSingleton<IDistributedCache>(MarketData.CacheKey, (services, _) =>
        {
            var connection = services.GetRequiredService<RedisConnection>();
            return new RedisCache(Options.Create(new RedisCacheOptions
            {
                InstanceName = RedisKeyPrefix,
                ConnectionMultiplexerFactory = connection.ConnectAsync,
            }));
        });

        builder.Services.AddKeyedHybridCache(MarketData.CacheKey, options => options.DistributedCacheServiceKey = MarketData.CacheKey);
        return builder;
    }

    /// <summary>The Redis configuration string, or null when the portal runs without Redis.</summary>
    public static string? RedisConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetConnectionString("Redis") is { Length: > 0 } named ? named
            : configuration["Cache:Redis"] is { Length: > 0 } section ? section
            : null;
    }
}
