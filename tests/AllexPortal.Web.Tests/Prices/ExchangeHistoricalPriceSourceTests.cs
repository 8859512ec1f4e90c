using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax.Pricing;
using AllexPortal.Web.Prices;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Prices;

/// <summary>Hourly prices for the tax engine from the sandbox's candles: direct, inverted and through usdt.</summary>
public sealed class ExchangeHistoricalPriceSourceTests(CandlePortal portal) : IClassFixture<CandlePortal>
{
    private static readonly Asset Btc = new("btc");
    private static readonly Asset Eth = new("eth");
    private static readonly Asset Sol = new("sol");

    private IHistoricalPriceSource Source => portal.Services.GetRequiredService<HistoricalPriceSources>().For(portal.ExchangeUrl);

    [Fact]
    public async Task A_listed_pair_is_priced_at_its_hourly_close()
    {
        var hour = portal.Today.AddDays(-300).AddHours(7);
        var key = PriceKey.For(Btc, Asset.Usdt, hour.AddMinutes(37));
        var truth = await portal.SandboxClosesAsync("btc-usdt", "60", hour, hour.AddMinutes(59));

        var prices = await Source.GetHourlyClosesAsync([key], TestContext.Current.CancellationToken);

        Assert.Equal(truth[hour], prices[key]);
    }

    [Fact]
    public async Task An_asset_quoted_the_other_way_round_is_priced_at_the_inverse_close()
    {
        var hour = portal.Today.AddDays(-310).AddHours(3);
        var key = PriceKey.For(Btc, Eth, hour);
        var truth = await portal.SandboxClosesAsync("eth-btc", "60", hour, hour.AddMinutes(59));

        var prices = await Source.GetHourlyClosesAsync([key], TestContext.Current.CancellationToken);

        Assert.Equal(1m / truth[hour], prices[key]);
    }

    [Fact]
    public async Task An_asset_without_a_pair_to_the_currency_is_priced_through_usdt()
    {
        var hour = portal.Today.AddDays(-320).AddHours(15);
        var key = PriceKey.For(Sol, Btc, hour);
        var solUsdt = await portal.SandboxClosesAsync("sol-usdt", "60", hour, hour.AddMinutes(59));
        var btcUsdt = await portal.SandboxClosesAsync("btc-usdt", "60", hour, hour.AddMinutes(59));

        var prices = await Source.GetHourlyClosesAsync([key], TestContext.Current.CancellationToken);

        Assert.Equal(solUsdt[hour] * (1m / btcUsdt[hour]), prices[key]);
    }

    [Fact]
    public async Task A_key_no_pair_can_price_is_left_out()
    {
        var hour = portal.Today.AddDays(-330);
        var unknown = PriceKey.For(new Asset("doge"), Asset.Usdt, hour);
        var known = PriceKey.For(Eth, Asset.Usdt, hour);

        var prices = await Source.GetHourlyClosesAsync([unknown, known], TestContext.Current.CancellationToken);

        Assert.Equal([known], prices.Keys);
    }

    [Fact]
    public async Task Keys_of_one_pair_are_fetched_as_one_range_and_a_second_report_makes_no_request()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var first = portal.Today.AddDays(-400);
        var keys = Enumerable.Range(0, 5).Select(d => PriceKey.For(new Asset("xrp"), Eth, first.AddDays(d * 3).AddHours(d))).ToList();
        var before = portal.ChartRequests.Count;
        var prices = await Source.GetHourlyClosesAsync(keys, cancellationToken);
        var fetched = portal.ChartRequests.Skip(before).ToList();

        var again = await Source.GetHourlyClosesAsync(keys, cancellationToken);

        Assert.Equal(["eth-usdt", "xrp-usdt"], fetched.Select(r => r.Symbol).Order());
        Assert.Equal(before + fetched.Count, portal.ChartRequests.Count);
        Assert.Equal(5, prices.Count);
        Assert.Equal(prices.OrderBy(p => p.Key.HourStart), again.OrderBy(p => p.Key.HourStart));
    }
    [Fact]
    public async Task A_pair_shared_by_several_routes_is_read_once_over_all_their_hours()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var start = portal.Today.AddDays(-500);
        PriceKey[] keys =
        [
            PriceKey.For(Btc, Asset.Usdt, start),
            PriceKey.For(Sol, Btc, start.AddDays(10)),
            PriceKey.For(Btc, Asset.Usdt, start.AddDays(20)),
        ];
        var before = portal.ChartRequests.Count;

        var prices = await Source.GetHourlyClosesAsync(keys, cancellationToken);

        var btcUsdt = portal.ChartRequests.Skip(before).Where(r => r.Symbol == "btc-usdt").ToList();
        Assert.Equal(3, prices.Count);
        Assert.Single(btcUsdt);
        Assert.Equal((start, start.AddDays(20).AddHours(1).AddSeconds(-1)), (btcUsdt[0].From, btcUsdt[0].To));
    }
}
