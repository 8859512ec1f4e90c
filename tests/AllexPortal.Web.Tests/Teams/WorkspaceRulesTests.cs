using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllexPortal.Web.Tests.Teams;

/// <summary>
/// The team rules of <see cref="WorkspaceService"/> on real SQLite: at least one Owner always remains, a grant can only
/// narrow, a departing member takes their keys along, and every change is audited.
/// </summary>
public sealed class WorkspaceRulesTests(TeamsPortal portal) : IClassFixture<TeamsPortal>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_a_team_makes_its_creator_its_only_owner_and_is_audited()
    {
        var creator = await portal.NewPersonAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var teams = portal.Get<WorkspaceService>(scope);

        var team = await teams.CreateTeamAsync(creator.Id, "  Fund partners  ", Token);

        var members = await teams.MembersAsync(creator.Id, team.Id!.Value, Token);
        Assert.Equal("Fund partners", team.Name);
        Assert.Equal([(creator.Id, WorkspaceRole.Owner)], members.Select(m => (m.UserId, m.Role)));
        await using var db = await portal.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(
            e => e.Action == AuditAction.TeamCreated && e.WorkspaceId == team.Id && e.ActorUserId == creator.Id, Token));
    }

    [Fact]
    public async Task My_workspaces_list_personal_first_then_teams_by_name_with_counts()
    {
        var me = await portal.NewPersonAsync();
        await portal.NewConnectionAsync(me.Id, "Personal key");
        await using var scope = portal.Services.CreateAsyncScope();
        var teams = portal.Get<WorkspaceService>(scope);
        await teams.CreateTeamAsync(me.Id, "Zeta", Token);
        var alpha = await teams.CreateTeamAsync(me.Id, "Alpha", Token);
        var shared = await portal.NewConnectionAsync(me.Id, "Shared key");
        await teams.MoveConnectionAsync(me.Id, shared, alpha.Id, Token);

        var mine = await teams.ListMineAsync(me.Id, Token);

        Assert.Equal(
            [(null, "Personal", 1), (alpha.Id, "Alpha", 1), (mine[2].Id, "Zeta", 0)],
            mine.Select(w => (w.Id, w.Name, w.ConnectionCount)));
        Assert.True(mine[0].IsPersonal);
    }

    [Fact]
    public async Task The_last_owner_cannot_demote_themselves()
    {
        var team = await portal.TeamAsync("Solo", WorkspaceRole.Viewer);
        await using var scope = portal.Services.CreateAsyncScope();
        var teams = portal.Get<WorkspaceService>(scope);

        var refused = await Assert.ThrowsAsync<WorkspaceRuleException>(() =>
            teams.ChangeRoleAsync(team.Keyholder.Id, team.Id, team.Keyholder.Id, WorkspaceRole.Viewer, Token));

        Assert.Contains("at least one Owner", refused.Message, StringComparison.Ordinal);
        Assert.Equal(WorkspaceRole.Owner, await RoleOfAsync(team.Id, team.Keyholder.Id));
    }

    [Fact]
    public async Task The_last_owner_cannot_be_removed()
    {
        var team = await portal.TeamAsync("Solo", WorkspaceRole.Trader);
        await using var scope = portal.Services.CreateAsyncScope();
        var teams = portal.Get<WorkspaceService>(scope);

        var refused = await Assert.ThrowsAsync<WorkspaceRuleException>(() =>
            teams.RemoveMemberAsync(team.Keyholder.Id, team.Id, team.Keyholder.Id, Token));

        Assert.Contains("last Owner", refused.Message, StringComparison.Ordinal);
        Assert.Equal(WorkspaceRole.Owner, await RoleOfAsync(team.Id, team.Keyholder.Id));
    }

    [Fact]
    public async Task The_last_owner_cannot_leave()
    {
        var team = await portal.TeamAsync("Solo", WorkspaceRole.Viewer);
        await using var scope = portal.Services.CreateAsyncScope();
        var teams = portal.Get<WorkspaceService>(scope);

        var refused = await Assert.ThrowsAsync<WorkspaceRuleException>(() => teams.LeaveAsync(team.Keyholder.Id, team.Id, Token));

        Assert.Contains("last Owner", refused.Message, StringComparison.Ordinal);
        Assert.Equal(WorkspaceRole.Owner, await RoleOfAsync(team.Id, team.Keyholder.Id));
    }

    [Fact]
    public async Task An_owner_may_leave_while_another_owner_remains_and_takes_their_key_back()
    {
        var team = await portal.TeamAsync("Pair", WorkspaceRole.Owner);
        await using var scope = portal.Services.CreateAsyncScope();
        var teams = portal.Get<WorkspaceService>(scope);

        await teams.LeaveAsync(team.Keyholder.Id, team.Id, Token);

        Assert.Null(await RoleOfAsync(team.Id, team.Keyholder.Id));
        await using var db = await portal.DbAsync();
        Assert.Null((await db.Connections.SingleAsync(c => c.Id == team.ConnectionId, Token)).WorkspaceId);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.MemberLeft && e.WorkspaceId == team.Id, Token));
    }

    [Fact]
    public async Task Two_owners_demoting_each_other_at_once_leave_one_owner()
    {
        var team = await portal.TeamAsync("Rivals", WorkspaceRole.Owner);
        var other = team.Member(WorkspaceRole.Owner);
        await using var first = portal.Services.CreateAsyncScope();
        await using var second = portal.Services.CreateAsyncScope();

        var outcomes = await Task.WhenAll(
            Attempt(() => portal.Get<WorkspaceService>(first).ChangeRoleAsync(team.Keyholder.Id, team.Id, other.Id, WorkspaceRole.Viewer, Token)),
            Attempt(() => portal.Get<WorkspaceService>(second).ChangeRoleAsync(other.Id, team.Id, team.Keyholder.Id, WorkspaceRole.Viewer, Token)));

        await using var db = await portal.DbAsync();
        Assert.Equal(1, await db.WorkspaceMembers.CountAsync(m => m.WorkspaceId == team.Id && m.Role == WorkspaceRole.Owner, Token));
        Assert.Contains(outcomes, o => o is null);
        Assert.Contains(outcomes, o => o is WorkspaceRuleException or AccessDeniedException);
    }

    [Fact]
    public async Task An_owner_changes_a_role_and_the_change_is_audited_with_both_roles()
    {
        var team = await portal.TeamAsync("Desk", WorkspaceRole.Viewer);
        var viewer = team.Member(WorkspaceRole.Viewer);
        await using var scope = portal.Services.CreateAsyncScope();

        await portal.Get<WorkspaceService>(scope).ChangeRoleAsync(team.Keyholder.Id, team.Id, viewer.Id, WorkspaceRole.Trader, Token);

        Assert.Equal(WorkspaceRole.Trader, await RoleOfAsync(team.Id, viewer.Id));
        await using var db = await portal.DbAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.RoleChanged && e.WorkspaceId == team.Id, Token);
        Assert.Equal((viewer.Email, "Viewer → Trader"), (entry.Subject, entry.Detail));
    }

    [Theory]
    [InlineData(WorkspaceRole.Trader)]
    [InlineData(WorkspaceRole.Viewer)]
    [InlineData(WorkspaceRole.ViewerWithoutAmounts)]
    public async Task A_member_who_is_not_an_owner_can_grant_no_role(WorkspaceRole role)
    {
        var team = await portal.TeamAsync("Shop", role);
        var member = team.Member(role);
        var newcomer = await portal.NewPersonAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var teams = portal.Get<WorkspaceService>(scope);

        await Assert.ThrowsAnyAsync<AccessDeniedException>(() =>
            teams.AddMemberAsync(team.Id, newcomer.Id, WorkspaceRole.ViewerWithoutAmounts, member.Id, Token));
        await Assert.ThrowsAnyAsync<AccessDeniedException>(() =>
            teams.ChangeRoleAsync(member.Id, team.Id, member.Id, WorkspaceRole.ViewerWithoutAmounts, Token));

        Assert.Null(await RoleOfAsync(team.Id, newcomer.Id));
        Assert.Equal(role, await RoleOfAsync(team.Id, member.Id));
    }

    [Theory]
    [InlineData(WorkspaceRole.Owner, WorkspaceRole.Owner, true)]
    [InlineData(WorkspaceRole.Owner, WorkspaceRole.ViewerWithoutAmounts, true)]
    [InlineData(WorkspaceRole.Trader, WorkspaceRole.Trader, true)]
    [InlineData(WorkspaceRole.Trader, WorkspaceRole.Viewer, true)]
    [InlineData(WorkspaceRole.Trader, WorkspaceRole.Owner, false)]
    [InlineData(WorkspaceRole.Viewer, WorkspaceRole.ViewerWithoutAmounts, true)]
    [InlineData(WorkspaceRole.Viewer, WorkspaceRole.Trader, false)]
    [InlineData(WorkspaceRole.ViewerWithoutAmounts, WorkspaceRole.Viewer, false)]
    [InlineData(WorkspaceRole.ViewerWithoutAmounts, WorkspaceRole.ViewerWithoutAmounts, true)]
    public void A_grant_only_narrows_what_its_grantor_holds(WorkspaceRole grantor, WorkspaceRole granted, bool narrows) =>
        Assert.Equal(narrows, WorkspaceRoles.Narrows(grantor, granted));

    [Fact]
    public async Task A_member_is_added_once()
    {
        var team = await portal.TeamAsync("Club", WorkspaceRole.Viewer);
        await using var scope = portal.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<WorkspaceRuleException>(() => portal.Get<WorkspaceService>(scope)
            .AddMemberAsync(team.Id, team.Member(WorkspaceRole.Viewer).Id, WorkspaceRole.Trader, team.Keyholder.Id, Token));

        Assert.Contains("already a member", refused.Message, StringComparison.Ordinal);
        Assert.Equal(WorkspaceRole.Viewer, await RoleOfAsync(team.Id, team.Member(WorkspaceRole.Viewer).Id));
    }

    [Fact]
    public async Task Removing_a_member_returns_their_shared_connections_to_their_personal_workspace()
    {
        var team = await portal.TeamAsync("Family", WorkspaceRole.Owner, WorkspaceRole.Viewer);
        var coOwner = team.Member(WorkspaceRole.Owner);
        var theirs = await portal.NewConnectionAsync(coOwner.Id, "Co-owner's key");
        await using var scope = portal.Services.CreateAsyncScope();
        var teams = portal.Get<WorkspaceService>(scope);
        await teams.MoveConnectionAsync(coOwner.Id, theirs, team.Id, Token);

        await teams.RemoveMemberAsync(team.Keyholder.Id, team.Id, coOwner.Id, Token);

        await using var db = await portal.DbAsync();
        var rows = await db.Connections.Where(c => c.Id == theirs || c.Id == team.ConnectionId)
            .ToDictionaryAsync(c => c.Id, c => c.WorkspaceId, Token);
        Assert.Null(rows[theirs]);
        Assert.Equal(team.Id, rows[team.ConnectionId]);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.MemberRemoved && e.Subject == coOwner.Email, Token));
    }

    [Fact]
    public async Task A_team_owner_who_is_not_the_keyholder_may_send_a_connection_back_to_its_owner_but_not_elsewhere()
    {
        var team = await portal.TeamAsync("Fund", WorkspaceRole.Owner);
        var coOwner = team.Member(WorkspaceRole.Owner);
        await using var scope = portal.Services.CreateAsyncScope();
        var teams = portal.Get<WorkspaceService>(scope);
        var elsewhere = await teams.CreateTeamAsync(coOwner.Id, "Co-owner's other team", Token);

        await Assert.ThrowsAnyAsync<AccessDeniedException>(() => teams.MoveConnectionAsync(coOwner.Id, team.ConnectionId, elsewhere.Id, Token));
        await teams.MoveConnectionAsync(coOwner.Id, team.ConnectionId, null, Token);

        var keyholderOwn = await portal.Get<PortalAccess>(scope).ConnectionsAsync(team.Keyholder.Id, PortalPermission.View, Token);
        Assert.Equal([team.ConnectionId], keyholderOwn);
    }

    [Fact]
    public async Task A_keyholder_cannot_share_a_connection_into_a_team_where_they_may_not_manage_connections()
    {
        var team = await portal.TeamAsync("Club", WorkspaceRole.Viewer);
        var viewer = team.Member(WorkspaceRole.Viewer);
        var own = await portal.NewConnectionAsync(viewer.Id, "Viewer's key");
        await using var scope = portal.Services.CreateAsyncScope();

        await Assert.ThrowsAnyAsync<AccessDeniedException>(() =>
            portal.Get<WorkspaceService>(scope).MoveConnectionAsync(viewer.Id, own, team.Id, Token));

        await using var db = await portal.DbAsync();
        Assert.Null((await db.Connections.SingleAsync(c => c.Id == own, Token)).WorkspaceId);
    }

    [Fact]
    public async Task A_connection_shared_into_a_team_leaves_the_keyholders_personal_workspace()
    {
        var team = await portal.TeamAsync("Fund");
        await using var scope = portal.Services.CreateAsyncScope();
        var access = portal.Get<PortalAccess>(scope);

        var personal = await access.ConnectionsAsync(team.Keyholder.Id, null, PortalPermission.View, Token);
        var shared = await access.ConnectionsAsync(team.Keyholder.Id, team.Id, PortalPermission.View, Token);

        Assert.Empty(personal);
        Assert.Equal([team.ConnectionId], shared);
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e) when (e is WorkspaceRuleException or AccessDeniedException)
        {
            return e;
        }
    }

    private async Task<WorkspaceRole?> RoleOfAsync(Guid teamId, string userId)
    {
        await using var db = await portal.DbAsync();
        return await db.WorkspaceMembers.Where(m => m.WorkspaceId == teamId && m.UserId == userId)
            .Select(m => (WorkspaceRole?)m.Role).SingleOrDefaultAsync(Token);
    }
}
