using System.Globalization;
using System.Security.Claims;
using AllexPortal.Web.Access;
using AllexPortal.Web.Components.Layout;
using AllexPortal.Web.Data;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Tests.Invitations;
using Bunit;
using TestContext = Xunit.TestContext;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace AllexPortal.Web.Tests.TeamPages;

/// <summary>The app bar's workspace switcher over the real <see cref="CurrentWorkspace"/> and database.</summary>
public sealed class WorkspaceSwitcherTests : BunitContext, IClassFixture<TimedTeamsPortal>
{
    private readonly TimedTeamsPortal portal;
    private readonly AsyncServiceScope scope;

    public WorkspaceSwitcherTests(TimedTeamsPortal portal)
    {
        this.portal = portal;
        scope = portal.Services.CreateAsyncScope();
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<WorkspaceService>());
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<PortalAccess>());
        Services.AddSingleton(portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>());
        Services.AddSingleton(portal.Services.GetRequiredService<IOptions<IdentityOptions>>());
        Services.AddScoped<CurrentWorkspace>();
    }

    [Fact]
    public async Task The_switcher_offers_personal_and_every_team_of_the_user()
    {
        var (team, owner) = await portal.NewTeamAsync("Alpha fund");
        var (otherTeam, otherOwner) = await portal.NewTeamAsync("Beta club");
        var member = await portal.NewMemberAsync(otherTeam, otherOwner, WorkspaceRole.Viewer);
        await scope.ServiceProvider.GetRequiredService<WorkspaceService>()
            .AddMemberAsync(team, member.Id, WorkspaceRole.Trader, owner, TestContext.Current.CancellationToken);

        var (switcher, popovers) = RenderAs(member.Id);
        switcher.Find("[data-testid=workspace-current]").Click();

        popovers.WaitForAssertion(() => Assert.Equal(
            ["personal", team.ToString(), otherTeam.ToString()],
            popovers.FindAll("[data-testid=workspace-option]").Select(option => option.GetAttribute("data-workspace"))));
        Assert.Equal("Personal", switcher.Find("[data-testid=workspace-current]").TextContent.Trim());
    }

    [Fact]
    public async Task Choosing_a_team_makes_it_the_current_workspace_and_remembers_it()
    {
        var (team, owner) = await portal.NewTeamAsync("Gamma");
        var member = await portal.NewMemberAsync(team, owner, WorkspaceRole.Viewer);
        var (switcher, popovers) = RenderAs(member.Id);
        switcher.Find("[data-testid=workspace-current]").Click();

        popovers.WaitForElement($"[data-testid=workspace-option][data-workspace='{team}']").Click();

        switcher.WaitForAssertion(() => Assert.Equal("Gamma", switcher.Find("[data-testid=workspace-current]").TextContent.Trim()));
        Assert.Equal(team, Services.GetRequiredService<CurrentWorkspace>().Id);
        await using var db = await portal.CreateDbAsync();
        Assert.Equal(team, await db.Users.Where(u => u.Id == member.Id).Select(u => u.LastWorkspaceId).SingleAsync(TestContext.Current.CancellationToken));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await scope.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    /// <summary>The switcher, and the popover provider its menu opens in.</summary>
    private (IRenderedComponent<WorkspaceSwitcher> Switcher, IRenderedComponent<MudPopoverProvider> Popovers) RenderAs(string userId)
    {
        AddAuthorization().SetAuthorized(userId).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var popovers = Render<MudPopoverProvider>();
        return (Render<WorkspaceSwitcher>(), popovers);
    }
}
