using AllexPortal.Web.Components.Pages.Dashboard;
using Bunit;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Portfolio;

public sealed class ValueCardTests : BunitContext
{
    public ValueCardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Theory]
    [InlineData("12345.678", "usdt", "12,345.68 USDT")]
    [InlineData("0.00012345", "btc", "0.00012345 BTC")]
    [InlineData("0", "eth", "0.00 ETH")]
    public void Shows_the_value_in_the_quote_currency(string value, string quote, string shown)
    {
        var card = Render<ValueCard>(p => p
            .Add(c => c.Title, "Total value")
            .Add(c => c.Value, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))
            .Add(c => c.Quote, quote));

        Assert.Equal(shown, card.Find("[data-testid=value-amount]").TextContent.Trim());
        Assert.Contains("Total value", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_value_is_a_dash_and_a_stale_one_says_so()
    {
        var card = Render<ValueCard>(p => p.Add(c => c.Title, "Main").Add(c => c.Value, null).Add(c => c.Stale, true));

        Assert.Equal("—", card.Find("[data-testid=value-amount]").TextContent.Trim());
        Assert.Equal("true", card.Find("[data-testid=value-card]").GetAttribute("data-stale"));
        Assert.NotNull(card.Find("[data-testid=stale-chip]"));
    }
}
