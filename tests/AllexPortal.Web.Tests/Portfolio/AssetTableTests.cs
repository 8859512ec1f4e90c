using System.Globalization;
using AllexPortal.Core.Portfolio;
using AllexPortal.Web.Components.Pages.Dashboard;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Portfolio;

public sealed class AssetTableTests : BunitContext
{
    private static readonly AssetRow[] Rows =
    [
        new("eth", "Ethereum", 1m, 1m, 2m, 3000m, 6000m, 0.25m, -1.5m),
        new("btc", "Bitcoin", 0.25m, 0.05m, 0.3m, 60000m, 18000m, 0.75m, 2m),
        new("xht", "HollaEx", 10m, 0m, 10m, null, null, 0m, null),
    ];

    public AssetTableTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Each_row_shows_coin_amounts_price_value_share_and_change()
    {
        var table = Render<AssetTable>(p => p.Add(t => t.Rows, Rows));

        var btc = table.FindAll("tr").Single(r => r.QuerySelector("[data-coin=btc]") is not null);
        var cells = btc.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["BTC Bitcoin", "0.25", "0.05", "0.3", "60,000.00", "18,000.00", "75.00 %", "+2.00 %"], cells.Select(c => string.Join(' ', c.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public void Rows_start_sorted_by_value_with_unpriced_coins_last()
    {
        var table = Render<AssetTable>(p => p.Add(t => t.Rows, Rows));

        Assert.Equal(["btc", "eth", "xht"], table.FindAll("[data-coin]").Select(c => c.GetAttribute("data-coin")));
    }

    [Fact]
    public void Clicking_a_column_header_sorts_by_it()
    {
        var table = Render<AssetTable>(p => p.Add(t => t.Rows, Rows));

        table.FindAll("th .mud-table-sort-label").First(h => h.TextContent.Contains("Coin", StringComparison.Ordinal)).Click();

        Assert.Equal(["btc", "eth", "xht"], table.FindAll("[data-coin]").Select(c => c.GetAttribute("data-coin")));
        table.FindAll("th .mud-table-sort-label").First(h => h.TextContent.Contains("Total", StringComparison.Ordinal)).Click();
        Assert.Equal(["btc", "eth", "xht"], table.FindAll("[data-coin]").Select(c => c.GetAttribute("data-coin")));
        table.FindAll("th .mud-table-sort-label").First(h => h.TextContent.Contains("24 h", StringComparison.Ordinal)).Click();
        Assert.Equal(["xht", "eth", "btc"], table.FindAll("[data-coin]").Select(c => c.GetAttribute("data-coin")));
    }

    [Fact]
    public void An_unpriced_coin_is_flagged_without_a_value()
    {
        var table = Render<AssetTable>(p => p.Add(t => t.Rows, Rows));

        var xht = table.FindAll("tr").Single(r => r.QuerySelector("[data-coin=xht]") is not null);
        Assert.Contains("No price", xht.QuerySelector("[data-testid=asset-unpriced]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("—", xht.QuerySelector("[data-testid=asset-value]")!.TextContent.Trim());
    }

    [Fact]
    public void A_second_click_on_a_header_reverses_its_order_and_the_header_says_so()
    {
        var table = Render<AssetTable>(p => p.Add(t => t.Rows, Rows));

        SortLabel(table, "Coin").Click();
        SortLabel(table, "Coin").Click();

        Assert.Equal(["xht", "eth", "btc"], table.FindAll("[data-coin]").Select(c => c.GetAttribute("data-coin")));
        Assert.Equal("descending", SortLabel(table, "Coin").ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal("none", SortLabel(table, "Value").ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public void Enter_on_a_focused_header_sorts_by_it()
    {
        var table = Render<AssetTable>(p => p.Add(t => t.Rows, Rows));

        SortLabel(table, "24 h").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(["xht", "eth", "btc"], table.FindAll("[data-coin]").Select(c => c.GetAttribute("data-coin")));
        Assert.Equal("ascending", SortLabel(table, "24 h").ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public void No_rows_say_so()
    {
        var table = Render<AssetTable>(p => p.Add(t => t.Rows, []));

        Assert.NotNull(table.Find("[data-testid=asset-table-empty]"));
    }

    private static AngleSharp.Dom.IElement SortLabel(IRenderedComponent<AssetTable> table, string title) =>
        table.FindAll("th .mud-table-sort-label").Single(h => h.TextContent.Trim() == title);
}
