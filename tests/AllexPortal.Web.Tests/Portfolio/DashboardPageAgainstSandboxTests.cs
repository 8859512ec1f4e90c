using System.Globalization;
using System.Security.Claims;
using AllexPortal.Sandbox;
using AllexPortal.Web.Components.Charts;
using AllexPortal.Web.Components.Pages.Dashboard;
using AllexPortal.Web.Data;
using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Theme;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.Portfolio;

/// <summary>The real dashboard page, rendered with a user's circuit services from a portal whose sandbox fails on demand.</summary>
public sealed class DashboardPageAgainstSandboxTests : BunitContext, IClassFixture<DashboardPortal>, IAsyncLifetime
{
    private readonly DashboardPortal portal;
    private DashboardViewer viewer = null!;
    private BunitAuthorizationContext authorization = null!;

    public DashboardPageAgainstSandboxTests(DashboardPortal portal)
    {
        this.portal = portal;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
    }

    public async ValueTask InitializeAsync()
    {
        viewer = await portal.NewViewerAsync();
        Services.AddScoped(_ => viewer.Portfolio);
        Services.AddSingleton(portal.Services.GetRequiredService<TimeProvider>());
        Services.AddScoped(_ => viewer.Services.GetRequiredService<UserThemeStore>());
        Services.AddScoped(_ => viewer.Services.GetRequiredService<UserManager<PortalUser>>());
        Services.AddScoped(_ => viewer.Services.GetRequiredService<CurrentWorkspace>());
        Services.AddScoped(_ => viewer.Services.GetRequiredService<VisiblePortfolio>());
        authorization = AddAuthorization();
        authorization.SetAuthorized("viewer").SetClaims(new Claim(ClaimTypes.NameIdentifier, viewer.UserId));
        JSInterop.SetupModule(ApexChart.ModulePath).Mode = JSRuntimeMode.Loose;
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task A_failing_exchange_shows_the_stale_notice_and_keeps_the_values()
    {
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-testid=asset-table] [data-coin]", TimeSpan.FromSeconds(30));
        var before = Amounts(page);

        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = "/v2/user/balance", ServerErrors = 10, ServerErrorStatus = 503 });
        try
        {
            await page.Find("[data-testid=refresh]").ClickAsync(new());
            var notice = page.WaitForElement("[data-testid=stale-notice]", TimeSpan.FromSeconds(30));

            Assert.Contains("Values shown are from", notice.TextContent, StringComparison.Ordinal);
            Assert.Equal(before, Amounts(page));
            Assert.Equal("true", page.Find("[data-testid=total-card]").GetAttribute("data-stale"));
        }
        finally
        {
            portal.Sandbox.SetFaults(new FaultOptions());
        }
    }

    [Fact]
    public void Settings_take_only_offered_choices_and_a_threshold_of_zero_or_more()
    {
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-testid=asset-table] [data-coin]", TimeSpan.FromSeconds(30));
        var total = page.Find("[data-testid=total-card] [data-testid=value-amount]").TextContent;

        page.Find("[data-testid=quote-select]").Change("not-a-coin");
        page.Find("[data-testid=dust-threshold]").Change("-1");

        var error = page.WaitForElement("[data-testid=dust-error]");
        Assert.Contains("0 or more", error.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Find("[data-testid=dust-threshold]").GetAttribute("aria-invalid"));
        Assert.Equal("0.01", page.Find("[data-testid=dust-threshold]").GetAttribute("value"));
        Assert.Equal(total, page.Find("[data-testid=total-card] [data-testid=value-amount]").TextContent);
        Assert.NotNull(page.Find("[data-testid=quote-select] option[value=usdt][selected]"));

        page.Find("[data-testid=dust-threshold]").Change("abc");
        Assert.NotNull(page.Find("[data-testid=dust-error]"));
        page.Find("[data-testid=dust-threshold]").Change("0");
        // A valid threshold reloads the portfolio: wait until that reload is done before the next change.
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=dust-error]"));
            Assert.False(page.Find("[data-testid=refresh]").HasAttribute("disabled"));
        }, TimeSpan.FromSeconds(30));

        page.Find("[data-testid=auto-refresh]").Change("7");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=auto-refresh] option[value='0'][selected]")), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=auto-refresh]").Change("60");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=auto-refresh] option[value='60'][selected]")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_reload_while_the_exchange_fails_shows_the_last_snapshot_with_what_failed_and_when()
    {
        await using (var earlierCircuit = new DashboardViewer(portal.Services.CreateAsyncScope(), viewer.UserId, viewer.ConnectionId))
        {
            await earlierCircuit.LoadAsync();
        }

        var snapshot = await portal.Services.GetRequiredService<SnapshotStore>().LatestAsync(viewer.ConnectionId, Xunit.TestContext.Current.CancellationToken);
        portal.Sandbox.SetFaults(new FaultOptions { PathPrefix = "/v2/user/balance", ServerErrors = 10, ServerErrorStatus = 503 });
        try
        {
            var page = Render<DashboardPage>();

            var notice = page.WaitForElement("[data-testid=stale-notice]", TimeSpan.FromSeconds(30));
            Assert.Contains("HTTP 503", notice.TextContent, StringComparison.Ordinal);
            Assert.Contains($"Values shown are from {snapshot!.TakenAt.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC", notice.TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(page.FindAll("[data-testid=asset-table] [data-coin]"));
            Assert.Equal("true", page.Find("[data-testid=total-card]").GetAttribute("data-stale"));
        }
        finally
        {
            portal.Sandbox.SetFaults(new FaultOptions());
        }
    }

    [Fact]
    public void A_user_without_connections_is_sent_to_add_one()
    {
        authorization.SetAuthorized("nobody").SetClaims(new Claim(ClaimTypes.NameIdentifier, "no-such-user"));

        var page = Render<DashboardPage>();

        var link = page.WaitForElement("[data-testid=add-connection]", TimeSpan.FromSeconds(30));
        Assert.EndsWith("/connections", link.GetAttribute("href"), StringComparison.Ordinal);
    }

    private static List<string> Amounts(IRenderedComponent<DashboardPage> page) =>
        [.. page.FindAll("[data-testid=asset-table] tr").Select(r => string.Join('|', r.QuerySelectorAll("td").Take(4).Select(c => c.TextContent.Trim())))];

    public new async ValueTask DisposeAsync()
    {
        await viewer.DisposeAsync();
        await base.DisposeAsync();
    }
}
