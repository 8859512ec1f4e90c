using System.Globalization;
using System.Security.Claims;
using AllexPortal.Core.Tax;
using AllexPortal.Exchange.Market;
using AllexPortal.Web.Components.Charts;
using AllexPortal.Web.Components.Pages.Reports;
using AllexPortal.Web.Data;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Reports;
using AllexPortal.Web.Teams;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.Reports;

/// <summary>The reports page rendered with bUnit over the real report services (real SQLite, background jobs).</summary>
public sealed class ReportsPageTests : BunitContext, IClassFixture<ReportsPortal>
{
    private static readonly DateTimeOffset LastYear = new(DateTimeOffset.UtcNow.Year - 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ReportsPortal portal;
    private readonly AsyncServiceScope scope;

    public ReportsPageTests(ReportsPortal portal)
    {
        this.portal = portal;
        scope = portal.Services.CreateAsyncScope();
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.SetupModule(ApexChart.ModulePath).Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddSingleton(portal.Ledger);
        Services.AddSingleton(portal.Jobs);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<CurrentWorkspace>());
    }

    [Fact]
    public async Task A_user_without_connections_is_sent_to_add_one()
    {
        var page = await RenderForAsync(await portal.NewUserAsync());

        var empty = page.WaitForElement("[data-testid=reports-empty]", Patience);

        Assert.Equal("/connections", empty.QuerySelector("[data-testid=add-connection]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Connections_whose_ledger_is_still_empty_show_the_not_synced_state()
    {
        var userId = await portal.NewUserAsync();
        await portal.NewConnectionAsync(userId);

        var page = await RenderForAsync(userId);

        page.WaitForElement("[data-testid=reports-not-synced]", Patience);
        Assert.Empty(page.FindAll("[data-testid=compute]"));
    }

    [Fact]
    public async Task Computing_shows_the_reports_figures_and_download_links()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        await portal.AddTradeAsync(connection, LastYear.AddDays(2), OrderSide.Buy, 2m, 100m, fee: 1m, feeCoin: "usdt");
        await portal.AddTradeAsync(connection, LastYear.AddDays(50), OrderSide.Sell, 1m, 180m);
        var page = await RenderForAsync(userId);

        await page.WaitForElement("[data-testid=compute]", Patience).ClickAsync(new());

        page.WaitForElement("[data-testid=report-result]", Patience);
        var report = portal.Jobs.Current(userId)!.Result!.Report;
        Assert.Equal(new TaxYear(LastYear.Year).Period, report.Options.Period);
        Assert.Equal(report.Totals.Proceeds, Figure(page, "figure-proceeds"));
        Assert.Equal(180m - 100.5m, Figure(page, "figure-gain"));
        Assert.Equal(1m, Figure(page, "figure-fees"));
        Assert.Equal(ReportFiles.All.Count, page.FindAll("[data-testid=report-downloads] a[download]").Count);
    }

    [Fact]
    public async Task A_method_chosen_for_an_earlier_tax_year_reaches_the_request_and_shapes_the_lots_carried_over()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        var yearBefore = LastYear.AddYears(-1);
        await portal.AddTradeAsync(connection, yearBefore.AddDays(2), OrderSide.Buy, 1m, 100m);
        await portal.AddTradeAsync(connection, yearBefore.AddDays(20), OrderSide.Buy, 1m, 300m);
        await portal.AddTradeAsync(connection, yearBefore.AddDays(100), OrderSide.Sell, 1m, 250m);
        await portal.AddTradeAsync(connection, LastYear.AddDays(50), OrderSide.Sell, 1m, 400m);
        var page = await RenderForAsync(userId);
        page.WaitForElement("[data-testid=compute]", Patience);
        await page.Find("[data-testid=report-year-methods] .mud-expand-panel-header").ClickAsync(new());
        var earlier = YearMethodSelect(page, yearBefore.Year);
        Assert.Equal(CostBasisMethod.Fifo, earlier.Instance.GetState(x => x.Value));

        await page.InvokeAsync(() => earlier.Instance.SelectOption(CostBasisMethod.Lifo));
        await page.Find("[data-testid=compute]").ClickAsync(new());

        page.WaitForElement("[data-testid=report-result]", Patience);
        var job = portal.Jobs.Current(userId)!;
        Assert.Equal(CostBasisMethod.Fifo, job.Request.Method);
        Assert.Equal([KeyValuePair.Create(yearBefore.Year, CostBasisMethod.Lifo)], job.Request.MethodByTaxYear);
        Assert.Equal(CostBasisMethod.Lifo, job.Result!.Report.Options.MethodFor(new TaxYear(yearBefore.Year)));
        // LIFO the year before sold the 300 lot, so last year's FIFO sale meets the 100 lot: 400 - 100.
        Assert.Equal(300m, Figure(page, "figure-gain"));
    }

    [Fact]
    public async Task A_year_set_back_to_the_reports_method_is_no_override()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        await portal.AddTradeAsync(connection, LastYear.AddYears(-1).AddDays(2), OrderSide.Buy, 1m, 100m);
        await portal.AddTradeAsync(connection, LastYear.AddDays(50), OrderSide.Sell, 1m, 400m);
        var page = await RenderForAsync(userId);
        page.WaitForElement("[data-testid=compute]", Patience);
        await page.Find("[data-testid=report-year-methods] .mud-expand-panel-header").ClickAsync(new());
        var reported = YearMethodSelect(page, LastYear.Year);

        await page.InvokeAsync(() => reported.Instance.SelectOption(CostBasisMethod.Hifo));
        await page.InvokeAsync(() => YearMethodSelect(page, LastYear.Year).Instance.SelectOption(CostBasisMethod.Fifo));
        await page.Find("[data-testid=compute]").ClickAsync(new());

        page.WaitForElement("[data-testid=report-result]", Patience);
        Assert.Empty(portal.Jobs.Current(userId)!.Request.MethodByTaxYear);
    }

    [Fact]
    public async Task Warnings_are_listed_together_grouped_by_asset_with_what_to_do()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        await portal.AddTradeAsync(connection, LastYear.AddDays(5), OrderSide.Sell, 1m, 100m);
        await portal.AddTransferAsync(connection, LastYear.AddDays(6), TransferDirection.Deposit, 3m, "eth");
        await portal.AddTradeAsync(connection, LastYear.AddDays(7), OrderSide.Sell, 0.5m, 120m, "xht-usdt");
        var page = await RenderForAsync(userId);

        await page.WaitForElement("[data-testid=compute]", Patience).ClickAsync(new());

        page.WaitForElement("[data-testid=report-result]", Patience);
        Assert.Equal(["btc", "eth", "xht"], page.FindAll("[data-testid=warning-group]").Select(g => g.GetAttribute("data-asset")));
        var btc = page.Find("[data-testid=warning-group][data-asset=btc] [data-testid=warning]");
        Assert.Equal(nameof(TaxWarningKind.Oversold), btc.GetAttribute("data-kind"));
        Assert.Contains("Add the connection the coins came from", btc.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("[data-testid=warning-group][data-asset=eth] [data-testid=warning]"),
            w => w.GetAttribute("data-kind") == nameof(TaxWarningKind.UnknownCostBasis));
    }

    [Fact]
    public async Task A_running_report_shows_progress_and_cancel_ends_it()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        await portal.AddTradeAsync(connection, LastYear.AddDays(1), OrderSide.Buy, 1m, 0.05m, "eth-btc");
        var page = await RenderForAsync(userId);
        portal.Prices.Shut();
        try
        {
            await page.WaitForElement("[data-testid=compute]", Patience).ClickAsync(new());
            page.WaitForElement("[data-testid=report-progress]", Patience);

            await page.Find("[data-testid=cancel]").ClickAsync(new());

            page.WaitForElement("[data-testid=report-cancelled]", Patience);
            Assert.Empty(page.FindAll("[data-testid=report-result]"));
        }
        finally
        {
            portal.Prices.Open();
        }
    }

    [Fact]
    public async Task A_failed_report_says_so_and_the_page_keeps_working()
    {
        var userId = await portal.NewUserAsync();
        var connection = await portal.NewConnectionAsync(userId);
        await portal.AddTradeAsync(connection, LastYear.AddDays(1), OrderSide.Buy, 1m, 0.05m, "eth-btc");
        var page = await RenderForAsync(userId);
        portal.Prices.Failing = true;
        try
        {
            await page.WaitForElement("[data-testid=compute]", Patience).ClickAsync(new());

            var failed = page.WaitForElement("[data-testid=report-failed]", Patience);
            Assert.Contains("could not be computed", failed.TextContent, StringComparison.Ordinal);
            Assert.False(page.Find("[data-testid=compute]").HasAttribute("disabled"));
        }
        finally
        {
            portal.Prices.Failing = false;
        }
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await scope.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private static IRenderedComponent<MudSelect<CostBasisMethod>> YearMethodSelect(IRenderedComponent<ReportsPage> page, int startYear) =>
        page.FindComponents<MudSelect<CostBasisMethod>>().Single(select =>
            select.Instance.UserAttributes.TryGetValue("data-year", out var year)
            && (string?)year == startYear.ToString(CultureInfo.InvariantCulture));

    private static decimal Figure(IRenderedComponent<ReportsPage> page, string testId) =>
        decimal.Parse(page.Find($"[data-testid={testId}]").GetAttribute("data-value")!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private Task<IRenderedComponent<ReportsPage>> RenderForAsync(string userId)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("someone@example.com");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
        return Task.FromResult(Render<ReportsPage>());
    }
}
