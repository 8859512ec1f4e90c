using System.Globalization;
using System.Security.Claims;
using AllexPortal.Web.Access;
using AllexPortal.Web.Components.Charts;
using AllexPortal.Web.Components.Pages.Reports;
using AllexPortal.Web.Data;
using AllexPortal.Web.Reports;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Teams;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.Amounts;

/// <summary>The reports page for a team's members: refused with a clear message for a role without Export, offered to a Viewer.</summary>
public sealed class ReportsByRoleTests : BunitContext, IClassFixture<AmountsPortal>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly AmountsPortal portal;
    private readonly AsyncServiceScope circuit;
    private Team team = null!;

    public ReportsByRoleTests(AmountsPortal portal)
    {
        this.portal = portal;
        circuit = portal.Services.CreateAsyncScope();
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.SetupModule(ApexChart.ModulePath).Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        var services = circuit.ServiceProvider;
        Services.AddSingleton(services.GetRequiredService<ReportLedger>());
        Services.AddSingleton(services.GetRequiredService<ReportJobs>());
        Services.AddSingleton(services.GetRequiredService<PortalAccess>());
        Services.AddSingleton(portal.Services.GetRequiredService<TimeProvider>());
        Services.AddSingleton(services.GetRequiredService<UserManager<PortalUser>>());
        Services.AddScoped(sp => new CurrentWorkspace(
            sp.GetRequiredService<AuthenticationStateProvider>(), services.GetRequiredService<PortalAccess>(),
            services.GetRequiredService<IDbContextFactory<PortalDb>>(), services.GetRequiredService<IOptions<IdentityOptions>>()));
    }

    public async ValueTask InitializeAsync() => team = await portal.TeamAsync();

    [Fact]
    public async Task A_viewer_without_amounts_is_told_reports_are_not_part_of_their_role()
    {
        var page = await RenderForAsync(team.Member(WorkspaceRole.ViewerWithoutAmounts));

        var refused = page.WaitForElement("[data-testid=reports-refused]", Patience);

        Assert.Contains("Reports are not part of your role in Strategy club", refused.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=report-form], [data-testid=reports-not-synced], [data-testid=compute]"));
    }

    [Fact]
    public async Task A_viewer_is_offered_reports_of_the_team()
    {
        var page = await RenderForAsync(team.Member(WorkspaceRole.Viewer));

        page.WaitForElement("[data-testid=reports-not-synced], [data-testid=report-form]", Patience);

        Assert.Empty(page.FindAll("[data-testid=reports-refused]"));
    }

    public new async ValueTask DisposeAsync()
    {
        await circuit.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<IRenderedComponent<ReportsPage>> RenderForAsync(TeamUser member)
    {
        AddAuthorization().SetAuthorized(member.Email).SetClaims(new Claim(ClaimTypes.NameIdentifier, member.Id));
        await Services.GetRequiredService<CurrentWorkspace>().SwitchAsync(team.Id);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<ReportsPage>();
    }
}
