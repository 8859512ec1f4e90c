using System.Globalization;
using AllexPortal.Web.Components.Pages.History;
using AllexPortal.Web.Explorers;
using AllexPortal.Web.History;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.HistoryPages;

/// <summary>The history page's small components rendered on their own: explorer links, the filter bar, the totals.</summary>
public sealed class HistoryComponentTests : BunitContext
{
    public HistoryComponentTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var explorers = new ExplorerOptions();
        explorers.Templates[new ExplorerKey("btc", null)] = "https://mempool.space/tx/{tx}";
        Services.AddSingleton(new ExplorerLinks(Options.Create(explorers)));
    }

    [Fact]
    public void A_transaction_of_a_coin_with_an_explorer_links_to_it_in_a_new_tab_without_referrer()
    {
        var link = Render<ExplorerLink>(p => p.Add(x => x.Coin, "btc").Add(x => x.TransactionId, "ab/cd?e"));

        var anchor = link.Find("a[data-testid=explorer-link]");

        Assert.Equal("https://mempool.space/tx/ab%2Fcd%3Fe", anchor.GetAttribute("href"));
        Assert.Equal("_blank", anchor.GetAttribute("target"));
        Assert.Equal("noopener noreferrer", anchor.GetAttribute("rel"));
        Assert.Equal("ab/cd?e", anchor.GetAttribute("title"));
    }

    [Fact]
    public void A_transaction_of_a_coin_without_an_explorer_is_plain_text()
    {
        var link = Render<ExplorerLink>(p => p.Add(x => x.Coin, "xrp").Add(x => x.TransactionId, "ABCDEF"));

        Assert.Empty(link.FindAll("a"));
        Assert.Equal("ABCDEF", link.Find("[data-testid=transaction-id]").TextContent);
    }

    [Fact]
    public async Task Picking_a_pair_filters_by_it_and_keeps_the_other_filters()
    {
        HistoryQuery? raised = null;
        var bar = Render<HistoryFilterBar>(p => p
            .Add(x => x.Tab, HistoryTab.Trades)
            .Add(x => x.Filter, new HistoryQuery { Search = "abc" })
            .Add(x => x.Facets, new HistoryFacets(["btc-usdt", "eth-usdt"], ["btc", "eth", "usdt"], []))
            .Add(x => x.FilterChanged, q => raised = q));

        await bar.InvokeAsync(() => Select(bar, "filter-symbol").ValueChanged.InvokeAsync("btc-usdt"));

        Assert.Equal("btc-usdt", raised?.Symbol);
        Assert.Equal("abc", raised?.Search);
    }

    [Fact]
    public async Task Picking_a_side_and_clearing_it_sets_and_unsets_the_side()
    {
        var raised = new List<HistoryQuery>();
        var bar = Render<HistoryFilterBar>(p => p.Add(x => x.Tab, HistoryTab.Orders).Add(x => x.FilterChanged, q => raised.Add(q)));

        await bar.InvokeAsync(() => Select(bar, "filter-side").ValueChanged.InvokeAsync("sell"));
        await bar.InvokeAsync(() => Select(bar, "filter-side").ValueChanged.InvokeAsync(""));

        Assert.Equal([AllexPortal.Exchange.Market.OrderSide.Sell, null], raised.Select(q => q.Side));
    }

    [Fact]
    public async Task A_date_range_becomes_whole_days_in_the_viewers_time_zone_with_an_exclusive_end()
    {
        HistoryQuery? raised = null;
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var bar = Render<HistoryFilterBar>(p => p
            .Add(x => x.Tab, HistoryTab.Trades)
            .AddCascadingValue(berlin)
            .Add(x => x.FilterChanged, q => raised = q));

        await bar.InvokeAsync(() => bar.FindComponent<MudDateRangePicker>().Instance.DateRangeChanged
            .InvokeAsync(new DateRange(new DateTime(2026, 1, 1), new DateTime(2026, 1, 31))));

        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), raised?.From);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero), raised?.To);
    }

    [Fact]
    public void A_filter_from_the_address_shows_in_the_date_picker_as_the_days_it_covers()
    {
        var bar = Render<HistoryFilterBar>(p => p
            .Add(x => x.Tab, HistoryTab.Trades)
            .Add(x => x.Filter, new HistoryQuery { From = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero) }));

        var range = bar.FindComponent<MudDateRangePicker>().Instance.DateRange;

        Assert.Equal(new DateTime(2026, 3, 1), range?.Start);
        Assert.Equal(new DateTime(2026, 3, 31), range?.End);
    }

    [Fact]
    public async Task Search_text_and_clearing_the_filters_reach_the_query()
    {
        var raised = new List<HistoryQuery>();
        var bar = Render<HistoryFilterBar>(p => p
            .Add(x => x.Tab, HistoryTab.Deposits)
            .Add(x => x.Filter, new HistoryQuery { Symbol = "btc", Status = "completed" })
            .Add(x => x.FilterChanged, q => raised.Add(q)));

        await bar.InvokeAsync(() => bar.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync(" 0xfeed "));
        bar.Find("[data-testid=filter-clear]").Click();

        Assert.Equal(" 0xfeed ", raised[0].Search);
        Assert.Equal("btc", raised[0].Symbol);
        Assert.Equal(new HistoryQuery().ToQueryString(), raised[1].ToQueryString());
    }

    [Fact]
    public void Transfers_offer_no_side_and_their_own_statuses()
    {
        var bar = Render<HistoryFilterBar>(p => p.Add(x => x.Tab, HistoryTab.Withdrawals));

        Assert.DoesNotContain(bar.FindComponents<MudSelect<string>>(), s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), "filter-side"));
        Assert.NotNull(Select(bar, "filter-status"));
    }

    [Fact]
    public void Totals_show_each_coin_on_its_own_and_the_count()
    {
        var totals = Render<TotalsBar>(p => p.Add(x => x.CountLabel, "Trades").Add(x => x.Totals, new HistoryTotals
        {
            Count = 1234,
            VolumeByQuote = new Dictionary<string, decimal> { ["usdt"] = 1234567.5m, ["btc"] = 0.00012345m },
            FeesByCoin = new Dictionary<string, decimal> { ["usdt"] = 1.25m },
        }));

        Assert.Equal("1,234", totals.Find("[data-testid=total-count]").TextContent);
        Assert.Contains("0.00012345 BTC · 1,234,567.5 USDT", totals.Find("[data-testid=total-volume]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1.25 USDT", totals.Find("[data-testid=total-fees]").TextContent, StringComparison.Ordinal);
    }

    private static MudSelect<string> Select(IRenderedComponent<HistoryFilterBar> bar, string testId) =>
        bar.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId)).Instance;
}
