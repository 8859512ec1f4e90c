using AllexPortal.Web.Prices;

namespace AllexPortal.Web.Tests.Prices;

/// <summary>The candle cache against the embedded sandbox over real HTTP, counting the chart requests it lets through.</summary>
public sealed class CandleStoreTests(CandlePortal portal) : IClassFixture<CandlePortal>
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Second_read_of_a_span_makes_no_exchange_request()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var to = portal.Today.AddDays(-10);
        var from = to.AddDays(-2);
        var first = await portal.Candles.ClosesAsync(portal.ExchangeUrl, "xrp-usdt", CandleResolution.Hour, from, to, cancellationToken);
        var requests = portal.ChartRequestsFor("xrp-usdt");

        var second = await portal.Candles.ClosesAsync(portal.ExchangeUrl, "xrp-usdt", CandleResolution.Hour, from, to, cancellationToken);

        Assert.Equal(1, requests);
        Assert.Equal(requests, portal.ChartRequestsFor("xrp-usdt"));
        Assert.Equal(48, second.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Cached_closes_equal_the_sandbox_candles()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var to = portal.Today.AddDays(-20);
        var from = to.AddDays(-1);
        var truth = await portal.SandboxClosesAsync("eth-btc", "60", from, to - TimeSpan.FromSeconds(1));
        await portal.Candles.ClosesAsync(portal.ExchangeUrl, "eth-btc", CandleResolution.Hour, from, to, cancellationToken);

        var cached = await portal.Candles.ClosesAsync(portal.ExchangeUrl, "eth-btc", CandleResolution.Hour, from, to, cancellationToken);

        Assert.Equal(24, truth.Count);
        Assert.Equal(truth.OrderBy(t => t.Key).Select(t => (t.Key, t.Value)), cached.Select(c => (c.OpenTime, c.Close)));
    }

    [Fact]
    public async Task Only_the_gap_between_two_cached_spans_is_fetched()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var day = portal.Today.AddDays(-40);
        await portal.Candles.ClosesAsync(portal.ExchangeUrl, "trx-usdt", CandleResolution.Hour, day, day.AddHours(6), cancellationToken);
        await portal.Candles.ClosesAsync(portal.ExchangeUrl, "trx-usdt", CandleResolution.Hour, day.AddHours(10), day.AddHours(12), cancellationToken);
        var before = portal.ChartRequests.Count(r => r.Symbol == "trx-usdt");

        var all = await portal.Candles.ClosesAsync(portal.ExchangeUrl, "trx-usdt", CandleResolution.Hour, day, day.AddHours(12), cancellationToken);

        var fetched = Assert.Single(portal.ChartRequests.Where(r => r.Symbol == "trx-usdt").Skip(before));
        Assert.Equal(day.AddHours(6), fetched.From);
        Assert.Equal(day.AddHours(10) - TimeSpan.FromSeconds(1), fetched.To);
        Assert.Equal(Enumerable.Range(0, 12).Select(h => day.AddHours(h)), all.Select(c => c.OpenTime));
    }

    [Fact]
    public async Task Adjacent_and_overlapping_spans_merge_into_one_covered_range()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var day = portal.Today.AddDays(-60);
        await portal.Candles.ClosesAsync(portal.ExchangeUrl, "sol-usdt", CandleResolution.Day, day, day.AddDays(3), cancellationToken);
        await portal.Candles.ClosesAsync(portal.ExchangeUrl, "sol-usdt", CandleResolution.Day, day.AddDays(3), day.AddDays(5), cancellationToken);

        await portal.Candles.ClosesAsync(portal.ExchangeUrl, "sol-usdt", CandleResolution.Day, day.AddDays(4), day.AddDays(8), cancellationToken);

        var (candles, ranges) = await portal.CachedAsync("sol-usdt", CandleResolution.Day);
        var range = Assert.Single(ranges);
        Assert.Equal((day, day.AddDays(8)), (range.From, range.To));
        Assert.Equal(8, candles.Count);
    }

    [Fact]
    public async Task A_span_without_candles_is_not_fetched_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var silent = await SilentExchange.StartAsync();
        portal.AllowedTestExchanges.Allow(silent.BaseUrl);
        var to = portal.Today.AddDays(-1);
        var first = await portal.Candles.ClosesAsync(silent.BaseUrl, "new-usdt", CandleResolution.Day, to.AddDays(-30), to, cancellationToken);

        var second = await portal.Candles.ClosesAsync(silent.BaseUrl, "new-usdt", CandleResolution.Day, to.AddDays(-30), to, cancellationToken);

        Assert.Empty(first);
        Assert.Empty(second);
        Assert.Equal(1, silent.ChartRequests);
    }

    [Fact]
    public async Task The_open_candle_is_returned_but_never_cached()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var openHour = portal.Now - TimeSpan.FromMinutes(20);
        var truth = await portal.SandboxClosesAsync("eth-usdt", "60", openHour, portal.Now);

        var closes = await portal.Candles.ClosesAsync(portal.ExchangeUrl, "eth-usdt", CandleResolution.Hour, openHour - 3 * Hour, portal.Now, cancellationToken);

        var (candles, ranges) = await portal.CachedAsync("eth-usdt", CandleResolution.Hour);
        Assert.Equal(openHour, closes[^1].OpenTime);
        Assert.Equal(truth[openHour], closes[^1].Close);
        Assert.Equal(4, closes.Count);
        Assert.DoesNotContain(candles, c => c.OpenTime >= openHour);
        Assert.Equal(openHour, Assert.Single(ranges).To);
    }

    [Fact]
    public async Task A_long_span_is_fetched_in_requests_of_at_most_a_thousand_candles()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var to = portal.Today.AddDays(-100);
        var from = to.AddDays(-60);

        var closes = await portal.Candles.ClosesAsync(portal.ExchangeUrl, "btc-usdt", CandleResolution.Hour, from, to, cancellationToken);

        var requests = portal.ChartRequests.Where(r => r.Symbol == "btc-usdt" && r.From >= from && r.To < to).ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.True((r.To - r.From) < CandleStore.MaxCandlesPerRequest * Hour));
        Assert.Equal(60 * 24, closes.Count);
        Assert.Equal(closes.Select(c => c.OpenTime).Distinct().Count(), closes.Count);
    }

    [Fact]
    public async Task Concurrent_reads_of_one_span_fetch_it_once_and_store_each_candle_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var to = portal.Today.AddDays(-200);
        var from = to.AddDays(-5);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            portal.Candles.ClosesAsync(portal.ExchangeUrl, "btc-usdt", CandleResolution.Day, from, to, cancellationToken)));

        var (candles, _) = await portal.CachedAsync("btc-usdt", CandleResolution.Day);
        Assert.Single(portal.ChartRequests, r => r.Symbol == "btc-usdt" && r.Resolution == "1D");
        Assert.Equal(5, candles.Count(c => c.OpenTime >= from && c.OpenTime < to));
        Assert.All(results, r => Assert.Equal(results[0], r));
    }
}
