using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Paging;
using AllexPortal.Integration.Tests.Infrastructure;

namespace AllexPortal.Integration.Tests.Market;

/// <summary>Every unauthenticated market-data method, against a sandbox mounted under <c>/sandbox</c> on a frozen clock.</summary>
public sealed class PublicEndpointTests(FrozenClockSandboxFixture sandbox) : IClassFixture<FrozenClockSandboxFixture>
{
    private static readonly string[] Coins = ["usdt", "btc", "eth", "sol", "xrp", "trx"];
    private static readonly string[] Pairs = ["btc-usdt", "eth-usdt", "sol-usdt", "xrp-usdt", "trx-usdt", "eth-btc"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long Now => FrozenClockSandboxFixture.Now.ToUnixTimeSeconds();

    private IAllexPublicApi Api => sandbox.Public;

    [Fact]
    public async Task Health_reports_a_running_kit_on_v2()
    {
        var health = await Api.GetHealthAsync(Ct);

        Assert.True(health.Status);
        Assert.Equal("/v2", health.BasePath);
        Assert.Equal("2.17.4", health.Version);
    }

    [Fact]
    public async Task Constants_list_the_sandbox_coins_and_pairs_with_their_withdrawal_fees()
    {
        var constants = await Api.GetConstantsAsync(Ct);
        var btcFee = await Api.GetWithdrawalFeeAsync("btc", Ct);

        Assert.Equal(Coins.Order(), constants.Coins.Keys.Order());
        Assert.Equal(Pairs.Order(), constants.Pairs.Keys.Order());
        Assert.Equal("eth", constants.Pairs["eth-btc"].PairBase);
        Assert.Equal("btc", constants.Pairs["eth-btc"].Pair2);
        Assert.NotNull(btcFee.Fee);
        Assert.True(btcFee.Fee > 0m);
        Assert.Equal(constants.Coins["btc"].WithdrawalFee, btcFee.Fee);
    }

    [Fact]
    public async Task Kit_and_tiers_carry_the_branding_and_the_demo_users_fee_tier()
    {
        var kit = await Api.GetKitAsync(Ct);
        var tiers = await Api.GetTiersAsync(Ct);

        Assert.Equal("usdt", kit.GetProperty("native_currency").GetString());
        Assert.Contains("1", tiers.Keys);
        Assert.Equal(0.08m, tiers["2"].Fees!.Maker["btc-usdt"]);
        Assert.Equal(0.16m, tiers["2"].Fees!.Taker["btc-usdt"]);
    }

    [Fact]
    public async Task Ticker_and_tickers_close_at_the_sandbox_price()
    {
        var ticker = await Api.GetTickerAsync("btc-usdt", Ct);
        var tickers = await Api.GetTickersAsync(Ct);

        Assert.Equal(sandbox.Exchange.PriceOf("btc-usdt"), ticker.Close);
        Assert.Equal(Pairs.Order(), tickers.Keys.Order());
        Assert.All(Pairs, pair => Assert.Equal(sandbox.Exchange.PriceOf(pair), tickers[pair].Close));
    }

    [Fact]
    public async Task Order_books_surround_the_sandbox_price()
    {
        var book = (await Api.GetOrderBookAsync("btc-usdt", Ct))["btc-usdt"];
        var books = await Api.GetOrderBooksAsync(Ct);
        var price = sandbox.Exchange.PriceOf("btc-usdt");

        Assert.True(book.Bids.Count >= 10 && book.Asks.Count >= 10);
        Assert.True(book.Bids[0].Price < price && price < book.Asks[0].Price);
        Assert.Equal(book.Bids.Select(l => l.Price).OrderDescending(), book.Bids.Select(l => l.Price));
        Assert.Equal(book.Asks.Select(l => l.Price).Order(), book.Asks.Select(l => l.Price));
        Assert.Equal(Pairs.Order(), books.Keys.Order());
    }

    [Fact]
    public async Task Recent_trades_come_per_pair_for_one_or_every_pair()
    {
        var one = await Api.GetTradesAsync("eth-usdt", Ct);
        var all = await Api.GetTradesAsync(cancellationToken: Ct);

        Assert.Equal(["eth-usdt"], one.Keys);
        Assert.NotEmpty(one["eth-usdt"]);
        Assert.All(one["eth-usdt"], t => Assert.True(t.Price > 0m && t.Size > 0m && t.Timestamp <= FrozenClockSandboxFixture.Now));
        Assert.Equal(Pairs.Order(), all.Keys.Order());
    }

    [Fact]
    public async Task Trades_history_filters_by_side_and_reads_every_page_without_duplicates()
    {
        var page = await Api.GetTradesHistoryAsync("btc-usdt", OrderSide.Sell, new PageQuery { Limit = 10 }, Ct);
        var everything = await Api.ReadAllTradesHistoryAsync(new Exchange.Account.HistoryFilter { Symbol = "btc-usdt", PageSize = 100 }, cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal(10, page.Data.Count);
        Assert.All(page.Data, t => Assert.Equal(OrderSide.Sell, t.Side));
        Assert.True(page.Count > 10);
        Assert.Equal(everything.Count, everything.Distinct().Count());
        Assert.True(everything.Count > page.Count);
    }

    [Fact]
    public async Task Chart_charts_and_udf_history_give_the_same_hourly_bars()
    {
        var from = Now - 86_400;
        var chart = await Api.GetChartAsync("btc-usdt", "60", from, Now, Ct);
        var charts = await Api.GetChartsAsync("60", from, Now, Ct);
        var udf = await Api.GetChartHistoryAsync("btc-usdt", "60", from, Now, Ct);
        var config = await Api.GetChartConfigurationAsync(Ct);

        Assert.InRange(chart.Count, 23, 25);
        Assert.All(chart, bar => Assert.True(bar.Low <= Math.Min(bar.Open, bar.Close) && bar.High >= Math.Max(bar.Open, bar.Close)));
        Assert.Equal(chart.Select(bar => bar.Close), charts["btc-usdt"].Select(bar => bar.Close));
        Assert.Equal("ok", udf.Status);
        Assert.Equal(chart.Select(bar => bar.Time.ToUnixTimeSeconds()), udf.Times);
        Assert.Equal(chart.Select(bar => bar.Close), udf.Closes);
        Assert.Contains("60", config.SupportedResolutions);
    }

    [Fact]
    public async Task Oracle_prices_equal_the_sandbox_price_path_to_within_the_pairs_tick()
    {
        var pairs = (await Api.GetConstantsAsync(Ct)).Pairs;
        var prices = await Api.GetOraclePricesAsync(["btc", "eth"], "usdt", cancellationToken: Ct);
        var inBtc = await Api.GetOraclePricesAsync(["eth"], "btc", 2m, Ct);

        Assert.True(prices.TryGetPrice("btc", out var btc));
        Assert.True(prices.TryGetPrice("eth", out var eth));
        Assert.True(inBtc.TryGetPrice("eth", out var twoEthInBtc));
        AssertWithinHalfTick(pairs["btc-usdt"], btc);
        AssertWithinHalfTick(pairs["eth-usdt"], eth);
        AssertWithinHalfTick(pairs["eth-btc"], twoEthInBtc / 2);
    }

    [Fact]
    public async Task Minicharts_end_at_the_oracle_price()
    {
        var charts = await Api.GetMiniChartsAsync(["btc", "sol"], "usdt", "7d", Ct);
        var oracle = await Api.GetOraclePricesAsync(["btc", "sol"], "usdt", cancellationToken: Ct);

        Assert.Equal(["btc", "sol"], charts.Keys.Order());
        Assert.All(charts.Values, points => Assert.Equal(25, points.Count));
        Assert.Equal(FrozenClockSandboxFixture.Now, charts["btc"][^1].Time);
        Assert.Equal(oracle.Raw["btc"], charts["btc"][^1].Price);
        Assert.Equal(oracle.Raw["sol"], charts["sol"][^1].Price);
    }

    [Fact]
    public async Task An_anonymous_quick_trade_quote_prices_at_the_best_ask_and_carries_no_token()
    {
        var quote = await Api.GetQuickTradeQuoteAsync("usdt", "btc", receivingAmount: 0.01m, cancellationToken: Ct);
        var bestAsk = (await Api.GetOrderBookAsync("btc-usdt", Ct))["btc-usdt"].Asks[0].Price;

        Assert.Null(quote.Token);
        Assert.Equal(0.01m, quote.ReceivingAmount);
        Assert.Equal(Math.Round(0.01m * bestAsk, 8), quote.SpendingAmount);
    }

    /// <summary>The sandbox quotes pairs on their price tick; the oracle values the unrounded path.</summary>
    private void AssertWithinHalfTick(PairInfo pair, decimal oraclePrice)
    {
        var halfTick = pair.IncrementPrice!.Value / 2 + 0.00000001m;
        Assert.InRange(oraclePrice - sandbox.Exchange.PriceOf(pair.Name), -halfTick, halfTick);
    }
}
