using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Errors;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Paging;
using AllexPortal.Exchange.Trading;
using AllexPortal.Integration.Tests.Infrastructure;

namespace AllexPortal.Integration.Tests.Trading;

/// <summary>Orders and quick trades placed with the demo user's HMAC key, checked against the sandbox's books.</summary>
public sealed class TradingTests(MovableClockSandboxFixture sandbox) : IClassFixture<MovableClockSandboxFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IAllexTradingApi Trading => sandbox.DemoKey.Trading;

    private string Email => sandbox.Demo.Email;

    [Fact]
    public async Task A_limit_order_below_the_market_rests_and_is_found_by_id_in_the_list_and_in_the_csv()
    {
        var price = decimal.Round(sandbox.Exchange.PriceOf("btc-usdt") * 0.9m, 1);

        var order = await Trading.CreateOrderAsync(Limit("btc-usdt", OrderSide.Buy, 0.002m, price), Ct);
        var fetched = await Trading.GetOrderAsync(order.Id, Ct);
        var open = await Trading.ReadAllOrdersAsync(new OrderFilter { History = new HistoryFilter { Symbol = "btc-usdt" }, Open = true }, Ct).ToListAsync(Ct);
        var csv = await Trading.ExportOrdersCsvAsync("btc-usdt", cancellationToken: Ct).ReadToEndAsync();

        Assert.Equal("new", order.Status);
        Assert.Equal((OrderSide.Buy, 0.002m, price, 0m), (fetched.Side, fetched.Size, fetched.Price!.Value, fetched.Filled));
        Assert.Contains(open, o => o.Id == order.Id);
        Assert.Contains(order.Id, csv, StringComparison.Ordinal);
        Assert.Contains(sandbox.Exchange.LiveOrdersOf(Email), o => o.Id == order.Id && o.Status == "new");
    }

    [Fact]
    public async Task Cancelling_an_order_releases_its_funds()
    {
        var before = (await sandbox.DemoKey.User.GetBalanceAsync(Ct))["usdt"];
        var order = await Trading.CreateOrderAsync(Limit("btc-usdt", OrderSide.Buy, 0.001m, 1_000m), Ct);
        var held = (await sandbox.DemoKey.User.GetBalanceAsync(Ct))["usdt"];

        var canceled = await Trading.CancelOrderAsync(order.Id, Ct);
        var after = (await sandbox.DemoKey.User.GetBalanceAsync(Ct))["usdt"];

        Assert.Equal(before.Available - 1m, held.Available);
        Assert.Equal("canceled", canceled.Status);
        Assert.Equal(before.Available, after.Available);
        Assert.Equal("canceled", (await Trading.GetOrderAsync(order.Id, Ct)).Status);
    }

    [Fact]
    public async Task A_market_buy_fills_at_once_and_credits_the_size_less_the_taker_fee()
    {
        var before = (await sandbox.DemoKey.User.GetBalanceAsync(Ct))["btc"].Available;
        var tradesBefore = sandbox.Exchange.TradesOf(Email).Count;

        var order = await Trading.CreateOrderAsync(new CreateOrderRequest { Symbol = "btc-usdt", Side = OrderSide.Buy, Type = OrderType.Market, Size = 0.01m }, Ct);
        var after = (await sandbox.DemoKey.User.GetBalanceAsync(Ct))["btc"].Available;

        Assert.Equal("filled", order.Status);
        Assert.Equal(0.01m, order.Filled);
        Assert.Equal("btc", order.FeeCoin);
        Assert.Equal(0.01m * 0.0016m, order.Fee);
        Assert.Equal(before + 0.01m - order.Fee, after);
        Assert.True(sandbox.Exchange.TradesOf(Email).Count > tradesBefore);
    }

    [Fact]
    public async Task A_post_only_order_above_the_market_rests_with_its_flag()
    {
        var price = decimal.Round(sandbox.Exchange.PriceOf("eth-usdt") * 1.2m, 2);

        var order = await Trading.CreateOrderAsync(Limit("eth-usdt", OrderSide.Sell, 0.05m, price) with { Meta = new OrderMeta { PostOnly = true, Note = "integration" } }, Ct);

        Assert.Equal("new", order.Status);
        Assert.True(order.Meta?.PostOnly);
        Assert.Equal("integration", order.Meta?.Note);
    }

    [Fact]
    public async Task A_post_only_order_that_would_cross_is_refused()
    {
        var price = decimal.Round(sandbox.Exchange.PriceOf("sol-usdt") * 1.05m, 2);

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() =>
            Trading.CreateOrderAsync(Limit("sol-usdt", OrderSide.Buy, 1m, price) with { Meta = new OrderMeta { PostOnly = true } }, Ct));

        Assert.Equal(ExchangeErrorKind.Rejected, failure.Kind);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, failure.StatusCode);
    }

    [Fact]
    public async Task A_stop_order_waits_with_its_stop_price()
    {
        var market = sandbox.Exchange.PriceOf("btc-usdt");
        var stop = decimal.Round(market * 1.5m, 1);

        var order = await Trading.CreateOrderAsync(Limit("btc-usdt", OrderSide.Buy, 0.001m, stop + 10m) with { Stop = stop }, Ct);

        Assert.Equal(stop, order.Stop);
        Assert.Equal(0m, order.Filled);
        Assert.Equal(stop, (await Trading.GetOrderAsync(order.Id, Ct)).Stop);
    }

    [Fact]
    public async Task Cancelling_all_orders_of_a_pair_leaves_none_open_there()
    {
        var price = decimal.Round(sandbox.Exchange.PriceOf("xrp-usdt") * 0.8m, 4);
        var first = await Trading.CreateOrderAsync(Limit("xrp-usdt", OrderSide.Buy, 10m, price), Ct);
        var second = await Trading.CreateOrderAsync(Limit("xrp-usdt", OrderSide.Buy, 20m, price), Ct);

        var canceled = await Trading.CancelAllOrdersAsync("xrp-usdt", Ct);
        var open = await Trading.GetOrdersAsync("xrp-usdt", open: true, cancellationToken: Ct);

        Assert.Contains(canceled, o => o.Id == first.Id);
        Assert.Contains(canceled, o => o.Id == second.Id);
        Assert.All(canceled, o => Assert.Equal("canceled", o.Status));
        Assert.Equal(0, open.Count);
    }

    [Fact]
    public async Task A_signed_quick_trade_quote_executes_within_its_lifetime()
    {
        var quote = await Trading.GetQuickTradeQuoteAsync("usdt", "eth", receivingAmount: 0.1m, cancellationToken: Ct);

        var order = await Trading.ExecuteQuickTradeAsync(new ExecuteQuickTradeRequest(quote.Token!), Ct);

        Assert.NotNull(quote.Token);
        Assert.Equal(sandbox.Clock.GetUtcNow().AddSeconds(30), quote.Expiry);
        Assert.Equal((OrderSide.Buy, "eth-usdt", 0.1m, 0.1m), (order.Side, order.Symbol, order.Size, order.Filled));
    }

    [Fact]
    public async Task A_quick_trade_token_is_refused_after_it_expired()
    {
        var quote = await Trading.GetQuickTradeQuoteAsync("btc", "usdt", spendingAmount: 0.001m, cancellationToken: Ct);
        sandbox.Clock.Advance(TimeSpan.FromSeconds(31));

        var failure = await Assert.ThrowsAsync<ExchangeApiException>(() => Trading.ExecuteQuickTradeAsync(new ExecuteQuickTradeRequest(quote.Token!), Ct));

        Assert.Equal(ExchangeErrorKind.Rejected, failure.Kind);
        Assert.Equal("Token is expired", failure.ExchangeMessage);
    }

    private static CreateOrderRequest Limit(string symbol, OrderSide side, decimal size, decimal price) =>
        new() { Symbol = symbol, Side = side, Type = OrderType.Limit, Size = size, Price = price };
}
