using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Teams.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Invitations;

/// <summary>Invitations through the real service on real SQLite: the link is read from the outbox, as the invitee would read it.</summary>
public sealed class InvitationTests(TimedTeamsPortal portal) : IClassFixture<TimedTeamsPortal>, IAsyncDisposable
{
    private readonly AsyncServiceScope scope = portal.Services.CreateAsyncScope();

    private TeamInvitations Invitations => scope.ServiceProvider.GetRequiredService<TeamInvitations>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accepting_an_invitation_joins_the_team_with_the_invited_role()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var invitee = await portal.NewPersonAsync();
        var link = await InviteAsync(team, owner, invitee.Email, WorkspaceRole.Trader);

        var joined = await Invitations.AcceptAsync(invitee.Id, TokenOf(link), Token);

        Assert.Equal(team, joined);
        Assert.Equal(WorkspaceRole.Trader, (await portal.MembersOfAsync(team))[invitee.Id]);
    }

    [Fact]
    public async Task The_link_reaches_the_invitee_by_email_and_names_the_team_and_role()
    {
        var (team, owner) = await portal.NewTeamAsync("Family office");
        var invitee = await portal.NewPersonAsync();

        await Invitations.InviteAsync(owner, team, invitee.Email, WorkspaceRole.ViewerWithoutAmounts, TimedTeamsPortal.LinkBase, cancellationToken: Token);

        var mail = portal.Outbox.LatestTo(invitee.Email);
        Assert.NotNull(mail);
        Assert.StartsWith("http://portal.example/invitations/", mail.Link, StringComparison.Ordinal);
        Assert.Contains("Family office", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Viewer without amounts", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_is_stored_only_as_its_hash()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var invitee = await portal.NewPersonAsync();

        var token = TokenOf(await InviteAsync(team, owner, invitee.Email, WorkspaceRole.Viewer));

        await using var db = await portal.CreateDbAsync();
        var row = await db.TeamInvitations.AsNoTracking().SingleAsync(i => i.WorkspaceId == team, Token);
        Assert.Equal(InvitationToken.Hash(token), row.TokenHash);
        var stored = typeof(TeamInvitation).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string?)p.GetValue(row));
        Assert.DoesNotContain(stored, value => value is not null && value.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_link_fails_with_a_clear_message_and_joins_nobody()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var invitee = await portal.NewPersonAsync();
        var token = TokenOf(await InviteAsync(team, owner, invitee.Email, WorkspaceRole.Viewer, TimeSpan.FromDays(1)));
        portal.Clock.Advance(TimeSpan.FromDays(1));

        var refused = await Assert.ThrowsAsync<InvitationUnavailableException>(() => Invitations.AcceptAsync(invitee.Id, token, Token));

        Assert.Equal(InvitationStatus.Expired, refused.Status);
        Assert.Contains("expired", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(invitee.Id, (await portal.MembersOfAsync(team)).Keys);
    }

    [Fact]
    public async Task A_revoked_link_fails_with_a_clear_message_and_joins_nobody()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var invitee = await portal.NewPersonAsync();
        var token = TokenOf(await InviteAsync(team, owner, invitee.Email, WorkspaceRole.Viewer));
        var invitation = (await Invitations.PendingAsync(owner, team, Token)).Single();
        await Invitations.RevokeAsync(owner, invitation.Id, Token);

        var refused = await Assert.ThrowsAsync<InvitationUnavailableException>(() => Invitations.AcceptAsync(invitee.Id, token, Token));

        Assert.Equal(InvitationStatus.Revoked, refused.Status);
        Assert.Contains("withdrawn", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(invitee.Id, (await portal.MembersOfAsync(team)).Keys);
        Assert.Empty(await Invitations.PendingAsync(owner, team, Token));
    }

    [Fact]
    public async Task A_used_link_cannot_be_used_again()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var invitee = await portal.NewPersonAsync();
        var token = TokenOf(await InviteAsync(team, owner, invitee.Email, WorkspaceRole.Viewer));
        await Invitations.AcceptAsync(invitee.Id, token, Token);

        var refused = await Assert.ThrowsAsync<InvitationUnavailableException>(() => Invitations.DeclineAsync(invitee.Id, token, Token));

        Assert.Equal(InvitationStatus.Accepted, refused.Status);
        Assert.Contains("already been used", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_link_fails_with_a_clear_message()
    {
        var someone = await portal.NewPersonAsync();

        var refused = await Assert.ThrowsAsync<InvitationUnavailableException>(() =>
            Invitations.AcceptAsync(someone.Id, InvitationToken.Create(), Token));

        Assert.Null(refused.Status);
        Assert.Contains("not valid", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_ends_the_invitation_without_joining()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var invitee = await portal.NewPersonAsync();
        var token = TokenOf(await InviteAsync(team, owner, invitee.Email, WorkspaceRole.Viewer));

        await Invitations.DeclineAsync(invitee.Id, token, Token);

        Assert.DoesNotContain(invitee.Id, (await portal.MembersOfAsync(team)).Keys);
        Assert.Equal(InvitationStatus.Declined, (await Invitations.FindAsync(token, Token))!.Status);
        Assert.Empty(await Invitations.PendingAsync(owner, team, Token));
    }

    [Theory]
    [InlineData(WorkspaceRole.Trader)]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.ViewerWithoutAmounts)]
    public async Task A_member_who_is_not_an_owner_cannot_invite(WorkspaceRole role)
    {
        var (team, owner) = await portal.NewTeamAsync();
        var member = await portal.NewMemberAsync(team, owner, role);
        var invitee = await portal.NewPersonAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Invitations.InviteAsync(member.Id, team, invitee.Email, WorkspaceRole.ViewerWithoutAmounts, TimedTeamsPortal.LinkBase, cancellationToken: Token));

        Assert.Null(portal.Outbox.LatestTo(invitee.Email));
        Assert.Empty(await Invitations.PendingAsync(owner, team, Token));
    }

    [Fact]
    public async Task An_owner_of_another_team_cannot_revoke_this_teams_invitation()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var (_, otherOwner) = await portal.NewTeamAsync("Other");
        var invitee = await portal.NewPersonAsync();
        await InviteAsync(team, owner, invitee.Email, WorkspaceRole.Viewer);
        var invitation = (await Invitations.PendingAsync(owner, team, Token)).Single();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Invitations.RevokeAsync(otherOwner, invitation.Id, Token));

        Assert.Single(await Invitations.PendingAsync(owner, team, Token));
    }

    [Fact]
    public async Task An_invitation_is_accepted_only_by_the_address_it_was_sent_to()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var invitee = await portal.NewPersonAsync();
        var stranger = await portal.NewPersonAsync();
        var token = TokenOf(await InviteAsync(team, owner, invitee.Email, WorkspaceRole.Viewer));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Invitations.AcceptAsync(stranger.Id, token, Token));

        Assert.DoesNotContain(stranger.Id, (await portal.MembersOfAsync(team)).Keys);
        Assert.Equal(InvitationStatus.Pending, (await Invitations.FindAsync(token, Token))!.Status);
    }

    [Fact]
    public async Task An_invitation_stops_working_when_its_sender_may_no_longer_grant_the_role()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var secondOwner = await portal.NewMemberAsync(team, owner, WorkspaceRole.Owner);
        var invitee = await portal.NewPersonAsync();
        var token = TokenOf(await InviteAsync(team, secondOwner.Id, invitee.Email, WorkspaceRole.Trader));
        await scope.ServiceProvider.GetRequiredService<WorkspaceService>()
            .ChangeRoleAsync(owner, team, secondOwner.Id, WorkspaceRole.Viewer, Token);

        var refused = await Assert.ThrowsAsync<InvitationUnavailableException>(() => Invitations.AcceptAsync(invitee.Id, token, Token));

        Assert.Contains("no longer valid", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(invitee.Id, (await portal.MembersOfAsync(team)).Keys);
    }

    [Fact]
    public async Task Inviting_an_existing_member_is_refused()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var member = await portal.NewMemberAsync(team, owner, WorkspaceRole.Viewer);

        var refused = await Assert.ThrowsAsync<WorkspaceRuleException>(() =>
            Invitations.InviteAsync(owner, team, member.Email.ToUpperInvariant(), WorkspaceRole.Trader, TimedTeamsPortal.LinkBase, cancellationToken: Token));

        Assert.Contains("already a member", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_step_is_recorded_in_the_teams_audit_log()
    {
        var (team, owner) = await portal.NewTeamAsync();
        var accepting = await portal.NewPersonAsync();
        var declining = await portal.NewPersonAsync();
        var revoked = await portal.NewPersonAsync();
        await Invitations.AcceptAsync(accepting.Id, TokenOf(await InviteAsync(team, owner, accepting.Email, WorkspaceRole.Viewer)), Token);
        await Invitations.DeclineAsync(declining.Id, TokenOf(await InviteAsync(team, owner, declining.Email, WorkspaceRole.Viewer)), Token);
        await InviteAsync(team, owner, revoked.Email, WorkspaceRole.Viewer);
        await Invitations.RevokeAsync(owner, (await Invitations.PendingAsync(owner, team, Token)).Single().Id, Token);

        await using var db = await portal.CreateDbAsync();
        var entries = await db.AuditEntries.Where(e => e.WorkspaceId == team).OrderBy(e => e.Id)
            .Select(e => new { e.Action, e.ActorUserId, e.Subject }).ToListAsync(Token);
        Assert.Equal(3, entries.Count(e => e.Action == AuditAction.MemberInvited && e.ActorUserId == owner));
        Assert.Contains(entries, e => e.Action == AuditAction.InvitationAccepted && e.ActorUserId == accepting.Id && e.Subject == accepting.Email);
        Assert.Contains(entries, e => e.Action == AuditAction.InvitationDeclined && e.ActorUserId == declining.Id);
        Assert.Contains(entries, e => e.Action == AuditAction.InvitationRevoked && e.ActorUserId == owner && e.Subject == revoked.Email);
    }

    private async Task<string> InviteAsync(Guid team, string inviter, string email, WorkspaceRole role, TimeSpan? validFor = null)
    {
        await Invitations.InviteAsync(inviter, team, email, role, TimedTeamsPortal.LinkBase, validFor, Token);
        return portal.Outbox.LatestTo(email)?.Link ?? throw new InvalidOperationException($"No invitation mail to {email}.");
    }

    private static string TokenOf(string link) => new Uri(link).Segments[^1];

    public async ValueTask DisposeAsync() => await scope.DisposeAsync();
}
