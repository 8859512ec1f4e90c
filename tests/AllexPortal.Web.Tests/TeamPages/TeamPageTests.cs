using System.Globalization;
using System.Security.Claims;
using AllexPortal.Exchange.Security;
using AllexPortal.Web.Access;
using AllexPortal.Web.Components.Pages.Teams;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Hosting;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Teams.Invitations;
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

/// <summary>
/// The team page rendered with bUnit over the real services and database: which buttons each role is offered.
/// (That the services refuse the same actions is tested with the services; a hidden button is not a check.)
/// </summary>
public sealed class TeamPageTests : BunitContext, IClassFixture<TimedTeamsPortal>
{
    private static readonly string[] ManagementControls =
        ["invite-send", "member-remove", "member-role-select", "team-rename", "connection-move-in", "team-audit"];

    private readonly TimedTeamsPortal portal;
    private readonly AsyncServiceScope scope;

    public TeamPageTests(TimedTeamsPortal portal)
    {
        this.portal = portal;
        scope = portal.Services.CreateAsyncScope();
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Resolve<WorkspaceService>());
        Services.AddSingleton(Resolve<TeamInvitations>());
        Services.AddSingleton(Resolve<ConnectionService>());
        Services.AddSingleton(Resolve<PortalAccess>());
        Services.AddSingleton(Resolve<PortalLinks>());
        Services.AddSingleton(portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>());
        Services.AddSingleton(portal.Services.GetRequiredService<IOptions<IdentityOptions>>());
        Services.AddScoped<CurrentWorkspace>();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_owner_is_offered_invitations_role_changes_removal_and_revocation()
    {
        var (team, owner) = await portal.NewTeamAsync();
        await portal.NewMemberAsync(team, owner, WorkspaceRole.Viewer);
        await InviteAsync(team, owner);
        await ShareConnectionAsync(owner, team, "Team key");
        await portal.AddSandboxConnectionAsync(owner, "Still personal", new ApiKeyCredentials("personal-key", "personal-secret"), false, Token);

        var page = RenderAs(owner, team);

        Assert.All(ManagementControls, control => Assert.NotEmpty(page.FindAll($"[data-testid={control}]")));
        Assert.NotEmpty(page.FindAll("[data-testid=invitation-revoke]"));
        Assert.NotEmpty(page.FindAll("[data-testid=connection-move-out]"));
    }

    [Theory]
    [InlineData(WorkspaceRole.Trader)]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.ViewerWithoutAmounts)]
    public async Task A_member_who_is_not_an_owner_is_offered_only_to_leave(WorkspaceRole role)
    {
        var (team, owner) = await portal.NewTeamAsync();
        var member = await portal.NewMemberAsync(team, owner, role);
        await InviteAsync(team, owner);
        await ShareConnectionAsync(owner, team, "Owner's key");
        await portal.AddSandboxConnectionAsync(member.Id, "Member's own", new ApiKeyCredentials("member-key", "member-secret"), false, Token);

        var page = RenderAs(member.Id, team);

        Assert.All(ManagementControls, control => Assert.Empty(page.FindAll($"[data-testid={control}]")));
        Assert.Empty(page.FindAll("[data-testid=team-invitations]"));
        Assert.Empty(page.FindAll("[data-testid=connection-move-out]"));
        Assert.Single(page.FindAll("[data-testid=member-leave]"));
        Assert.Equal(WorkspaceRoles.DisplayName(role), page.Find("[data-testid=my-role]").TextContent.Trim());
        Assert.Contains("Owner's key", page.Find("[data-testid=team-connections]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_whose_key_is_shared_may_take_it_back_whatever_their_role()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var member = await portal.NewMemberAsync(team, owner, WorkspaceRole.Owner);
        await ShareConnectionAsync(member.Id, team, "Member's key");
        await Resolve<WorkspaceService>().ChangeRoleAsync(owner, team, member.Id, WorkspaceRole.Viewer, Token);

        var page = RenderAs(member.Id, team);

        Assert.Single(page.FindAll("[data-testid=connection-move-out]"));
    }

    [Fact]
    public async Task Someone_outside_the_team_is_told_it_is_not_theirs_and_sees_no_members()
    {
        var (team, _) = await portal.NewTeamAsync();
        var stranger = await portal.NewPersonAsync();

        var page = RenderAs(stranger.Id, team);

        Assert.NotEmpty(page.FindAll("[data-testid=team-unavailable]"));
        Assert.Empty(page.FindAll("[data-testid=member-email]"));
    }

    [Fact]
    public async Task Revoking_from_the_page_withdraws_the_invitation()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var invitee = await InviteAsync(team, owner);
        var page = RenderAs(owner, team);

        page.Find("[data-testid=invitation-revoke]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=invitations-empty]")));
        Assert.Contains(invitee, page.Find("[data-testid=team-notice]").TextContent, StringComparison.Ordinal);
        Assert.Empty(await Resolve<TeamInvitations>().PendingAsync(owner, team, Token));
    }

    [Fact]
    public async Task Sending_an_invitation_from_the_page_mails_the_link_and_lists_it_as_pending()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var invitee = await portal.NewPersonAsync();
        var page = RenderAs(owner, team);

        page.Find("input[data-testid=invite-email], [data-testid=invite-email] input").Input(invitee.Email);
        page.Find("[data-testid=invite-send]").Click();

        page.WaitForAssertion(() => Assert.Equal(invitee.Email, page.Find("[data-testid=invitation-email]").TextContent.Trim()));
        // The portal's own address (here the listening one), not whatever base the browser's page reported.
        Assert.StartsWith(Resolve<PortalLinks>().BaseUri + "invitations/", portal.Outbox.LatestTo(invitee.Email)!.Link, StringComparison.Ordinal);
        Assert.Equal(WorkspaceRole.Viewer, (await Resolve<TeamInvitations>().PendingAsync(owner, team, Token)).Single().Role);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await scope.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private T Resolve<T>()
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private IRenderedComponent<TeamPage> RenderAs(string userId, Guid team)
    {
        AddAuthorization().SetAuthorized(userId).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
        var page = Render<TeamPage>(parameters => parameters.Add(p => p.Id, team));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-progress-linear")));
        return page;
    }

    private async Task<string> InviteAsync(Guid team, string owner)
    {
        var invitee = await portal.NewPersonAsync();
        await Resolve<TeamInvitations>().InviteAsync(owner, team, invitee.Email, WorkspaceRole.Viewer, TimedTeamsPortal.LinkBase, cancellationToken: Token);
        return invitee.Email;
    }

    private async Task ShareConnectionAsync(string keyOwner, Guid team, string label)
    {
        var connection = await portal.AddSandboxConnectionAsync(keyOwner, label, new ApiKeyCredentials("shared-key-" + label.Length, "shared-secret"), false, Token);
        await Resolve<WorkspaceService>().MoveConnectionAsync(keyOwner, connection, team, Token);
    }
}
