using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Tests.Health;
using StackExchange.Redis;

namespace AllexPortal.Web.Tests.Cache;

/// <summary>
/// Two portal instances with Redis as the market cache's second level: public exchange data one instance fetched is
/// served to the other without an exchange call, and nothing but that public data goes to Redis.
/// </summary>
public sealed class SharedMarketCacheTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly string[] Coins = ["btc", "eth"];

    [Fact]
    public async Task Prices_one_instance_fetched_are_read_by_another_without_an_exchange_call()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        var keys = await RedisKeyCountAsync();
        var fromA = await a.Market.PricesAsync(a.ExchangeUrl, Coins, "usdt", cancellationToken);
        await WaitForMoreRedisKeysThanAsync(keys);
        var calls = a.PublicRequests + b.PublicRequests;

        var fromB = await b.Market.PricesAsync(a.ExchangeUrl, Coins, "usdt", cancellationToken);

        Assert.NotEmpty(fromA);
        Assert.Equal(fromA, fromB);
        Assert.Equal(calls, a.PublicRequests + b.PublicRequests);
    }

    [Fact]
    public async Task Coin_names_pairs_and_tickers_survive_the_trip_through_redis()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        var exchange = a.ExchangeUrl;
        var keys = await RedisKeyCountAsync();
        var names = await a.Market.CoinNamesAsync(exchange, cancellationToken);
        var pairs = await a.Market.PairNamesAsync(exchange, cancellationToken);
        var tickers = await a.Market.TickersAsync(exchange, cancellationToken);
        await WaitForMoreRedisKeysThanAsync(keys + 2);
        var calls = a.PublicRequests + b.PublicRequests;

        var namesOnB = await b.Market.CoinNamesAsync(exchange, cancellationToken);
        var pairsOnB = await b.Market.PairNamesAsync(exchange, cancellationToken);
        var tickersOnB = await b.Market.TickersAsync(exchange, cancellationToken);

        Assert.Equal(calls, a.PublicRequests + b.PublicRequests);
        Assert.Equal(names.OrderBy(n => n.Key, StringComparer.Ordinal), namesOnB.OrderBy(n => n.Key, StringComparer.Ordinal));
        Assert.Equal(pairs.Order(StringComparer.Ordinal), pairsOnB.Order(StringComparer.Ordinal));
        Assert.Equal(tickers, tickersOnB);
        Assert.Contains("btc-usdt", pairsOnB);
    }

    [Fact]
    public async Task Redis_holds_only_public_market_data_after_a_dashboard_view()
    {
        await using var portal = await StartAsync();
        await using var viewer = await portal.NewViewerAsync();
        var overview = await viewer.LoadAsync();

        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{redis.Configuration},allowAdmin=true");
        var keys = connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "*").Select(k => k.ToString()).ToList();

        Assert.NotEmpty(overview.Connections);
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.StartsWith(MarketCacheServiceCollectionExtensions.RedisKeyPrefix + "market:", key, StringComparison.Ordinal));
        Assert.DoesNotContain(keys, key => key.Contains(viewer.UserId, StringComparison.Ordinal) || key.Contains(portal.Sandbox.Options.Demo.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readiness_reports_the_redis_that_answers()
    {
        await using var portal = await StartAsync();

        var report = await ReadinessReport.ReadAsync(portal);

        Assert.Equal("Healthy", report.Checks["cache"].Status);
        Assert.Contains($"Redis at {redis.Configuration} answered", report.Checks["cache"].Description, StringComparison.Ordinal);
    }

    private async Task<int> RedisKeyCountAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{redis.Configuration},allowAdmin=true");
        return connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "*").Count();
    }

    /// <summary>
    /// Waits until Redis holds more than <paramref name="count"/> keys: HybridCache may answer the first instance before
    /// its write to Redis lands, and the second instance must not read before it does (a real deployment's instances
    /// would then simply both call the exchange once).
    /// </summary>
    private async Task WaitForMoreRedisKeysThanAsync(int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (await RedisKeyCountAsync() <= count)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Redis still holds {count} keys or fewer after 10 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken); // polling Redis, not a fixed wait
        }
    }

    private async Task<RedisDashboardPortal> StartAsync()
    {
        var portal = new RedisDashboardPortal(redis.Configuration);
        await portal.InitializeAsync();
        return portal;
    }
}
