using System.Globalization;
using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Trading;
using AllexPortal.Web.Components.Pages.Trade;
using AllexPortal.Web.Trading;
using Bunit;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.Trading;

/// <summary>The order ticket checks size and price against the pair's rules before it hands a ticket on.</summary>
public sealed class OrderTicketFormTests : BunitContext
{
    private static readonly PairRules BtcUsdt = new("btc-usdt", "btc", "usdt", 0.0001m, 100m, 1m, 10_000_000m, 0.0001m, 0.1m);
    private readonly List<OrderTicket> reviewed = [];

    public OrderTicketFormTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void A_size_below_the_minimum_is_refused_with_a_message_under_the_size()
    {
        var form = RenderTicket();
        Type(form, "order-size", "0.00005");
        Type(form, "order-price", "50000");

        form.Find("[data-testid=order-review]").Click();

        Assert.Contains("Size must be at least 0.0001 BTC.", form.Markup, StringComparison.Ordinal);
        Assert.Empty(reviewed);
    }

    [Fact]
    public void A_size_off_the_increment_is_refused()
    {
        var form = RenderTicket();
        Type(form, "order-size", "0.00015");
        Type(form, "order-price", "50000");

        form.Find("[data-testid=order-review]").Click();

        Assert.Contains("Size must be a multiple of 0.0001 BTC (e.g. 0.0001).", form.Markup, StringComparison.Ordinal);
        Assert.Empty(reviewed);
    }

    [Fact]
    public void A_price_off_the_increment_is_refused_with_a_message_under_the_price()
    {
        var form = RenderTicket();
        Type(form, "order-size", "0.001");
        Type(form, "order-price", "50000.05");

        form.Find("[data-testid=order-review]").Click();

        Assert.Contains("Price must be a multiple of 0.1 USDT", form.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Size must", form.Markup, StringComparison.Ordinal);
        Assert.Empty(reviewed);
    }

    [Fact]
    public void A_valid_ticket_is_handed_on_for_review()
    {
        var form = RenderTicket();
        Type(form, "order-size", "0.0012");
        Type(form, "order-price", "50000.1");

        form.Find("[data-testid=order-review]").Click();

        var ticket = Assert.Single(reviewed);
        Assert.Equal(("btc-usdt", 0.0012m, 50000.1m, OrderType.Limit), (ticket.Symbol, ticket.Size, ticket.Price, ticket.Type));
    }

    [Fact]
    public void The_rules_are_shown_as_hints_under_the_fields()
    {
        var form = RenderTicket();

        Assert.Contains("Min 0.0001, step 0.0001", form.Markup, StringComparison.Ordinal);
        Assert.Contains("Min 1, step 0.1", form.Markup, StringComparison.Ordinal);
    }

    private IRenderedComponent<OrderTicketForm> RenderTicket()
    {
        Render<MudBlazor.MudPopoverProvider>();
        return Render<OrderTicketForm>(p => p
            .Add(f => f.Pairs, [BtcUsdt])
            .Add(f => f.ConnectionId, Guid.NewGuid())
            .Add(f => f.OnReview, (OrderTicket t) => reviewed.Add(t)));
    }

    private static void Type(IRenderedComponent<OrderTicketForm> form, string testId, string value) =>
        form.Find($"input[data-testid={testId}], [data-testid={testId}] input").Change(value);
}
