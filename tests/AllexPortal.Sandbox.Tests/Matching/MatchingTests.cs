using System.Net;
using AllexPortal.Sandbox.Tests.Infrastructure;

namespace AllexPortal.Sandbox.Tests.Matching;

/// <summary>Crossing orders fill against other users (fully and partially) with maker/taker fees charged in
/// the received coin, and no asset is created or destroyed.</summary>
public sealed class MatchingTests
{
    private const decimal MakerFee = 0.001m;
    private const decimal TakerFee = 0.002m;

    [Fact]
    public async Task Crossing_limit_order_fills_fully_against_resting_order()
    {
        await using var desk = await TradingDesk.OpenAsync();
        var price = await desk.InsideSpreadAsync("btc-usdt");
        var resting = await desk.PlaceOkAsync(desk.Alice, "sell", 0.01m, price);

        var taker = await desk.PlaceOkAsync(desk.Bob, "buy", 0.01m, price);

        var maker = await desk.RefreshAsync(desk.Alice, resting);
        Assert.Equal("new", resting.GetProperty("status").GetString());
        Assert.Equal("filled", taker.GetProperty("status").GetString());
        Assert.Equal("filled", maker.GetProperty("status").GetString());
        Assert.Equal(0.01m, maker.GetProperty("filled").GetDecimal());
        Assert.Equal(price, taker.GetProperty("average").GetDecimal());
    }

    [Fact]
    public async Task Fill_produces_trades_for_both_sides_with_fees_in_received_coin()
    {
        await using var desk = await TradingDesk.OpenAsync();
        var price = await desk.InsideSpreadAsync("btc-usdt");
        await desk.PlaceOkAsync(desk.Alice, "sell", 0.01m, price);

        await desk.PlaceOkAsync(desk.Bob, "buy", 0.01m, price);

        var sell = (await desk.GetAsync(desk.Alice, "v2/user/trades")).GetProperty("data")[0];
        var buy = (await desk.GetAsync(desk.Bob, "v2/user/trades")).GetProperty("data")[0];
        Assert.Equal(("sell", 0.01m, price), (sell.GetProperty("side").GetString(), sell.GetProperty("size").GetDecimal(), sell.GetProperty("price").GetDecimal()));
        Assert.Equal(("buy", 0.01m, price), (buy.GetProperty("side").GetString(), buy.GetProperty("size").GetDecimal(), buy.GetProperty("price").GetDecimal()));
        Assert.Equal(("usdt", Math.Round(0.01m * price * MakerFee, 8, MidpointRounding.ToZero)), (sell.GetProperty("fee_coin").GetString(), sell.GetProperty("fee").GetDecimal()));
        Assert.Equal(("btc", 0.01m * TakerFee), (buy.GetProperty("fee_coin").GetString(), buy.GetProperty("fee").GetDecimal()));
    }

    [Fact]
    public async Task Smaller_taker_partially_fills_resting_order()
    {
        await using var desk = await TradingDesk.OpenAsync();
        var price = await desk.InsideSpreadAsync("btc-usdt");
        var resting = await desk.PlaceOkAsync(desk.Alice, "sell", 0.01m, price);

        var taker = await desk.PlaceOkAsync(desk.Bob, "buy", 0.004m, price);

        var maker = await desk.RefreshAsync(desk.Alice, resting);
        Assert.Equal("filled", taker.GetProperty("status").GetString());
        Assert.Equal("pfilled", maker.GetProperty("status").GetString());
        Assert.Equal(0.004m, maker.GetProperty("filled").GetDecimal());
    }

    [Fact]
    public async Task Larger_taker_fills_partially_and_rests_the_remainder_with_funds_held()
    {
        await using var desk = await TradingDesk.OpenAsync();
        var price = await desk.InsideSpreadAsync("btc-usdt");
        await desk.PlaceOkAsync(desk.Alice, "sell", 0.006m, price);

        var taker = await desk.PlaceOkAsync(desk.Bob, "buy", 0.01m, price);

        var balance = await desk.GetAsync(desk.Bob, "v2/user/balance");
        var open = await desk.GetAsync(desk.Bob, "v2/orders?open=true");
        Assert.Equal("pfilled", taker.GetProperty("status").GetString());
        Assert.Equal(0.006m, taker.GetProperty("filled").GetDecimal());
        Assert.Equal(1, open.GetProperty("count").GetInt32());
        Assert.Equal(0.004m * price, balance.GetProperty("usdt_balance").GetDecimal() - balance.GetProperty("usdt_available").GetDecimal());
    }

    [Fact]
    public async Task Balances_match_the_fills_and_no_asset_is_created_or_destroyed()
    {
        await using var desk = await TradingDesk.OpenAsync();
        var exchange = desk.Server.Exchange;
        var before = exchange.TotalHoldings();
        var price = await desk.InsideSpreadAsync("btc-usdt");
        await desk.PlaceOkAsync(desk.Alice, "sell", 0.01m, price);
        await desk.PlaceOkAsync(desk.Bob, "buy", 0.004m, price);
        await desk.PlaceOkAsync(desk.Bob, "buy", 0.02m, price);
        await desk.PlaceOkAsync(desk.Alice, "sell", 0.05m, null);

        var after = exchange.TotalHoldings();
        var alice = exchange.BalancesOf("alice@example.test").ToDictionary(b => b.Coin);
        var aliceTrades = exchange.TradesOf("alice@example.test");
        Assert.Equal(before, after);
        Assert.Equal(2m - aliceTrades.Sum(t => t.Size), alice["btc"].Balance);
        Assert.Equal(100_000m + aliceTrades.Sum(t => t.Size * t.Price - t.Fee), alice["usdt"].Balance);
        Assert.Equal(alice["usdt"].Balance, alice["usdt"].Available);
    }

    [Fact]
    public async Task Post_only_order_that_would_cross_is_rejected()
    {
        await using var desk = await TradingDesk.OpenAsync();
        var book = (await desk.Api.GetJsonAsync("v2/orderbook?symbol=btc-usdt")).GetProperty("btc-usdt");
        var bestBid = book.GetProperty("bids")[0][0].GetDecimal();

        using var response = await desk.PlaceAsync(desk.Alice, "sell", 0.01m, bestBid, ",\"meta\":{\"post_only\":true}");

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "Error 1001 - Order rejected");
    }

    [Fact]
    public async Task Cancel_releases_held_funds()
    {
        await using var desk = await TradingDesk.OpenAsync();
        var order = await desk.PlaceOkAsync(desk.Bob, "buy", 0.01m, 1_000m);
        var held = await desk.GetAsync(desk.Bob, "v2/user/balance");

        using var cancel = await desk.Api.BearerAsync(HttpMethod.Delete, $"v2/order?order_id={order.GetProperty("id").GetString()}", desk.Bob);

        var released = await desk.GetAsync(desk.Bob, "v2/user/balance");
        Assert.Equal(100_000m - 10m, held.GetProperty("usdt_available").GetDecimal());
        Assert.Equal("canceled", (await Infrastructure.SandboxApi.ReadJsonAsync(cancel, expectSuccess: true)).GetProperty("status").GetString());
        Assert.Equal(100_000m, released.GetProperty("usdt_available").GetDecimal());
    }

    [Fact]
    public async Task Cancel_all_cancels_every_open_order_of_the_pair()
    {
        await using var desk = await TradingDesk.OpenAsync();
        await desk.PlaceOkAsync(desk.Bob, "buy", 0.01m, 1_000m);
        await desk.PlaceOkAsync(desk.Bob, "sell", 0.01m, 1_000_000m);

        using var response = await desk.Api.BearerAsync(HttpMethod.Delete, "v2/order/all?symbol=btc-usdt", desk.Bob);

        var canceled = await Infrastructure.SandboxApi.ReadJsonAsync(response, expectSuccess: true);
        var open = await desk.GetAsync(desk.Bob, "v2/orders?open=true");
        Assert.Equal(2, canceled.GetArrayLength());
        Assert.Equal(0, open.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Market_order_fills_against_the_market_maker_at_the_ask()
    {
        await using var desk = await TradingDesk.OpenAsync();
        var ask = (await desk.Api.GetJsonAsync("v2/orderbook?symbol=btc-usdt")).GetProperty("btc-usdt").GetProperty("asks")[0][0].GetDecimal();

        var order = await desk.PlaceOkAsync(desk.Bob, "buy", 0.001m, null);

        Assert.Equal("filled", order.GetProperty("status").GetString());
        Assert.Equal(ask, order.GetProperty("average").GetDecimal());
        Assert.Equal(0.001m * TakerFee, order.GetProperty("fee").GetDecimal());
    }

    [Fact]
    public async Task Order_beyond_available_balance_is_refused()
    {
        await using var desk = await TradingDesk.OpenAsync();

        using var response = await desk.PlaceAsync(desk.Bob, "sell", 5m, 1_000_000m);

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "Insufficient balance");
    }

    [Fact]
    public async Task Stop_order_waits_until_the_price_reaches_its_trigger()
    {
        await using var desk = await TradingDesk.OpenAsync();
        var price = desk.Server.Exchange.PriceOf("btc-usdt");

        var waiting = await desk.PlaceOkAsync(desk.Bob, "sell", 0.01m, Math.Round(price * 0.5m, 1), $",\"stop\":{Math.Round(price * 0.5m, 1)}");
        var triggered = await desk.PlaceOkAsync(desk.Bob, "sell", 0.01m, Math.Round(price * 0.9m, 1), $",\"stop\":{Math.Round(price * 1.5m, 1)}");

        var trades = await desk.GetAsync(desk.Bob, "v2/user/trades");
        var stillWaiting = await desk.RefreshAsync(desk.Bob, waiting);
        var done = await desk.RefreshAsync(desk.Bob, triggered);
        Assert.Equal(("new", 0m), (stillWaiting.GetProperty("status").GetString(), stillWaiting.GetProperty("filled").GetDecimal()));
        Assert.Equal("filled", done.GetProperty("status").GetString());
        Assert.Equal(1, trades.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Quick_trade_quote_executes_as_a_filled_market_order()
    {
        await using var desk = await TradingDesk.OpenAsync();
        var quote = await desk.GetAsync(desk.Bob, "v2/quick-trade?spending_currency=usdt&receiving_currency=btc&spending_amount=500");

        using var response = await desk.Api.BearerAsync(HttpMethod.Post, "v2/order/execute", desk.Bob,
            $"{{\"token\":\"{quote.GetProperty("token").GetString()}\"}}");

        var order = await Infrastructure.SandboxApi.ReadJsonAsync(response, expectSuccess: true);
        Assert.Equal("filled", order.GetProperty("status").GetString());
        Assert.Equal(quote.GetProperty("receiving_amount").GetDecimal(), order.GetProperty("size").GetDecimal());
    }

    [Fact]
    public async Task Expired_quick_trade_token_is_refused()
    {
        await using var desk = await TradingDesk.OpenAsync();
        var quote = await desk.GetAsync(desk.Bob, "v2/quick-trade?spending_currency=btc&receiving_currency=usdt&spending_amount=0.01");
        desk.Clock.Advance(TimeSpan.FromSeconds(31));

        using var response = await desk.Api.BearerAsync(HttpMethod.Post, "v2/order/execute", desk.Bob,
            $"{{\"token\":\"{quote.GetProperty("token").GetString()}\"}}");

        await Refusal.AssertAsync(response, HttpStatusCode.BadRequest, "Token is expired");
    }
}
