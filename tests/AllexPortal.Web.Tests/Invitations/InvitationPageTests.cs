using System.Net;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Teams.Invitations;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Invitations;

/// <summary>The invitation page as the link's holder first sees it: over HTTP, before signing in.</summary>
public sealed class InvitationPageTests(TimedTeamsPortal portal) : IClassFixture<TimedTeamsPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pending_invitation_shows_the_team_and_role_and_offers_sign_in_and_registration()
    {
        var link = await InviteAsync(WorkspaceRole.Trader);

        var html = await PageAsync(link);

        Assert.Contains("Fund", html, StringComparison.Ordinal);
        Assert.Contains("Trader", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"invitation-sign-in\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"invitation-register\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_shows_a_page_that_says_it_expired()
    {
        var link = await InviteAsync(WorkspaceRole.Viewer, TimeSpan.FromHours(1));
        portal.Clock.Advance(TimeSpan.FromHours(2));

        var html = await PageAsync(link);

        Assert.Contains("This invitation expired on", html, StringComparison.Ordinal);
        Assert.DoesNotContain("invitation-sign-in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_link_shows_a_page_that_says_it_was_withdrawn()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var link = await InviteAsync(WorkspaceRole.Viewer, team: team, owner: owner);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var invitations = scope.ServiceProvider.GetRequiredService<TeamInvitations>();
            await invitations.RevokeAsync(owner, (await invitations.PendingAsync(owner, team, Token)).Single().Id, Token);
        }

        var html = await PageAsync(link);

        Assert.Contains("This invitation was withdrawn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("invitation-sign-in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_link_shows_a_page_that_says_it_is_not_valid()
    {
        var html = await PageAsync("/invitations/" + InvitationToken.Create());

        Assert.Contains("This invitation link is not valid", html, StringComparison.Ordinal);
    }

    private async Task<string> InviteAsync(WorkspaceRole role, TimeSpan? validFor = null, Guid? team = null, string? owner = null)
    {
        if (team is null || owner is null)
        {
            (var newTeam, var newOwner) = await portal.NewTeamAsync();
            (team, owner) = (newTeam, newOwner);
        }

        var invitee = await portal.NewPersonAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TeamInvitations>()
            .InviteAsync(owner, team.Value, invitee.Email, role, TimedTeamsPortal.LinkBase, validFor, Token);
        return portal.Outbox.LatestTo(invitee.Email)!.Link;
    }

    private async Task<string> PageAsync(string link)
    {
        using var client = portal.CreateListeningClient();
        using var response = await client.GetAsync(new Uri(link, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(link).PathAndQuery : link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
    }
}
