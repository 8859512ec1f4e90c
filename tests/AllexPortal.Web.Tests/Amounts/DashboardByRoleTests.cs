using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AllexPortal.Web.Access;
using AllexPortal.Web.Components.Charts;
using AllexPortal.Web.Components.Pages.Dashboard;
using AllexPortal.Web.Data;
using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Teams;
using AllexPortal.Web.Theme;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using DashboardAmounts = AllexPortal.Web.Components.Pages.Dashboard.Amounts;

namespace AllexPortal.Web.Tests.Amounts;

/// <summary>
/// The real dashboard page of a team sharing a sandbox connection with known balances, rendered for its Viewer and for
/// its Viewer without amounts over the portal's real services. The balances, prices and values the keyholder's own
/// valuation holds, in every spelling a page or chart could use, must not appear anywhere the second one's circuit
/// sends (markup, chart data), while the first one sees them, so the check is shown to be able to fail.
/// </summary>
public sealed class DashboardByRoleTests : BunitContext, IClassFixture<AmountsPortal>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly AmountsPortal portal;
    private readonly AsyncServiceScope circuit;
    private readonly BunitJSModuleInterop charts;
    private Team team = null!;

    public DashboardByRoleTests(AmountsPortal portal)
    {
        this.portal = portal;
        circuit = portal.Services.CreateAsyncScope();
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        charts = JSInterop.SetupModule(ApexChart.ModulePath);
        charts.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        var services = circuit.ServiceProvider;
        Services.AddScoped(_ => services.GetRequiredService<VisiblePortfolio>());
        Services.AddSingleton(portal.Services.GetRequiredService<TimeProvider>());
        Services.AddScoped(_ => services.GetRequiredService<UserThemeStore>());
        Services.AddScoped(_ => services.GetRequiredService<UserManager<PortalUser>>());
        Services.AddScoped(sp => new CurrentWorkspace(
            sp.GetRequiredService<AuthenticationStateProvider>(), services.GetRequiredService<PortalAccess>(),
            services.GetRequiredService<IDbContextFactory<PortalDb>>(), services.GetRequiredService<IOptions<IdentityOptions>>()));
    }

    public async ValueTask InitializeAsync() => team = await portal.TeamAsync();

    [Fact]
    public async Task A_viewer_without_amounts_sees_no_balance_price_or_value_in_the_page()
    {
        var truth = await KeyholdersValuationAsync();

        var page = await RenderForAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts));
        page.WaitForElement("[data-testid=share-table] [data-coin]", Patience);

        Assert.Empty(AmountStrings.FoundIn(page.Markup, AmountStrings.OfAll(PortfolioSharesTests.AmountsOf(truth))));
        Assert.Empty(page.FindAll("[data-testid=asset-table]"));
        Assert.Empty(page.FindAll("[data-testid=dust-threshold]"));
    }

    [Fact]
    public async Task A_viewer_without_amounts_sees_each_coins_share_in_percent()
    {
        var truth = PortfolioShares.Of(await KeyholdersValuationAsync());

        var page = await RenderForAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts));
        page.WaitForElement("[data-testid=share-table] [data-coin]", Patience);

        Assert.Equal(
            truth.Combined.Rows.Where(r => r.IsPriced).Select(r => (r.Coin, DashboardAmounts.Percent(r.Share))).OrderBy(r => r.Coin, StringComparer.Ordinal),
            page.FindAll("[data-testid=share-table] tbody tr").Where(r => r.QuerySelector("[data-testid=asset-share]") is not null)
                .Select(r => (r.QuerySelector("[data-coin]")!.GetAttribute("data-coin")!, r.QuerySelector("[data-testid=asset-share]")!.TextContent.Trim()))
                .OrderBy(r => r.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_viewer_without_amounts_gets_chart_data_in_percent_and_index_points_only()
    {
        var truth = await KeyholdersValuationAsync();

        var page = await RenderForAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts));
        page.WaitForElement("[data-testid=share-table] [data-coin]", Patience);
        page.WaitForState(() => Drawn().Any(o => o.Kind == ApexChartKind.Donut && o.Values.Count > 0), Patience);

        var options = Drawn();
        var donut = options.Last(o => o.Kind == ApexChartKind.Donut);
        Assert.Equal("%", donut.ValueSuffix);
        Assert.InRange(donut.Values.Sum(), 99m, 101m);
        Assert.Empty(AmountStrings.FoundIn(JsonSerializer.Serialize(options), AmountStrings.OfAll(PortfolioSharesTests.AmountsOf(truth))));
    }

    [Fact]
    public async Task A_viewer_sees_the_balances_and_values_the_other_member_does_not()
    {
        var truth = await KeyholdersValuationAsync();

        var page = await RenderForAsync(team.Member(WorkspaceRole.Viewer));
        page.WaitForElement("[data-testid=asset-table] [data-coin]", Patience);
        page.WaitForState(() => Drawn().Any(o => o.Kind == ApexChartKind.Donut && o.Values.Count > 0), Patience);

        Assert.Contains(DashboardAmounts.Format(truth.Combined.Total, "usdt"), page.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(AmountStrings.FoundIn(page.Markup, AmountStrings.OfAll(PortfolioSharesTests.AmountsOf(truth))));
        Assert.NotEmpty(AmountStrings.FoundIn(JsonSerializer.Serialize(Drawn()), AmountStrings.OfAll(PortfolioSharesTests.AmountsOf(truth))));
    }

    public new async ValueTask DisposeAsync()
    {
        await circuit.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Every chart option set the page sent to the browser's chart module so far.</summary>
    private List<ApexChartOptions> Drawn() =>
        [.. charts.Invocations.SelectMany(i => i.Arguments).OfType<string>().Select(ApexChartJson.Read)];

    /// <summary>The team's dashboard as its keyholder (an Owner) is given it, in usdt with the page's default dust threshold.</summary>
    private async Task<PortfolioOverview> KeyholdersValuationAsync()
    {
        await using var own = portal.Services.CreateAsyncScope();
        var view = await own.ServiceProvider.GetRequiredService<VisiblePortfolio>()
            .LoadAsync(team.Keyholder.Id, team.Id, "usdt", VisiblePortfolio.SharesDustThreshold, Xunit.TestContext.Current.CancellationToken);
        return view.Amounts ?? throw new InvalidOperationException("The keyholder was not given amounts.");
    }

    private async Task<IRenderedComponent<DashboardPage>> RenderForAsync(TeamUser member)
    {
        AddAuthorization().SetAuthorized(member.Email).SetClaims(new Claim(ClaimTypes.NameIdentifier, member.Id));
        await Services.GetRequiredService<CurrentWorkspace>().SwitchAsync(team.Id);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<DashboardPage>();
    }
}
