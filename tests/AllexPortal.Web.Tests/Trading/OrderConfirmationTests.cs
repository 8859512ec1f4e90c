using System.Globalization;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Trading;
using AllexPortal.Web.Components.Pages.Trade;
using AllexPortal.Web.Trading;
using Bunit;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.Trading;

/// <summary>The confirmation shows what will be sent, its estimated cost and its fee.</summary>
public sealed class OrderConfirmationTests : BunitContext
{
    private static readonly PairRules BtcUsdt = new("btc-usdt", "btc", "usdt", 0.0001m, 100m, 1m, 10_000_000m, 0.0001m, 0.1m);

    public OrderConfirmationTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void A_limit_buy_shows_its_cost_and_taker_fee_in_the_received_coin_and_in_the_quote()
    {
        var ticket = new OrderTicket { Symbol = "btc-usdt", Side = OrderSide.Buy, Type = OrderType.Limit, Size = 0.002m, Price = 50_000m };
        var estimate = new OrderEstimate(50_000m, false, 100m, "usdt", 0.16m, false, 0.0000032m, "btc", 0.16m);

        var confirmation = Render<OrderConfirmation>(p => p.Add(c => c.Preview, new OrderPreview(ticket, "Main", BtcUsdt, estimate)));

        Assert.Equal("100 USDT", confirmation.Find("[data-testid=order-cost]").TextContent.Trim());
        Assert.Equal("0.0000032 BTC (≈ 0.16 USDT)", confirmation.Find("[data-testid=order-fee]").TextContent.Trim());
        Assert.Contains("Estimated fee (taker 0.16 %)", confirmation.Markup, StringComparison.Ordinal);
        Assert.Contains("Estimated cost", confirmation.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_market_sell_shows_estimated_proceeds_from_the_last_price()
    {
        var ticket = new OrderTicket { Symbol = "btc-usdt", Side = OrderSide.Sell, Type = OrderType.Market, Size = 0.01m };
        var estimate = new OrderEstimate(60_000m, true, 600m, "usdt", 0.2m, false, 1.2m, "usdt", 1.2m);

        var confirmation = Render<OrderConfirmation>(p => p.Add(c => c.Preview, new OrderPreview(ticket, "Main", BtcUsdt, estimate)));

        Assert.Contains("Estimated proceeds", confirmation.Markup, StringComparison.Ordinal);
        Assert.Equal("≈ 600 USDT", confirmation.Find("[data-testid=order-cost]").TextContent.Trim());
        Assert.Equal("1.2 USDT", confirmation.Find("[data-testid=order-fee]").TextContent.Trim());
        Assert.Contains("the estimate uses the last price (60000)", confirmation.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirming_tells_the_page_once()
    {
        var confirmed = 0;
        var ticket = new OrderTicket { Symbol = "btc-usdt", Side = OrderSide.Buy, Type = OrderType.Limit, Size = 0.002m, Price = 50_000m };
        var confirmation = Render<OrderConfirmation>(p => p
            .Add(c => c.Preview, new OrderPreview(ticket, "Main", BtcUsdt, null))
            .Add(c => c.OnConfirm, () => confirmed++));

        confirmation.Find("[data-testid=order-place]").Click();

        Assert.Equal(1, confirmed);
        Assert.NotEmpty(confirmation.FindAll("[data-testid=order-no-estimate]"));
    }
}
