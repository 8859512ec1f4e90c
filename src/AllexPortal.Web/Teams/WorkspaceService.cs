using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Teams;

/// <summary>
/// Teams: creating them, their members and roles, and moving connections in and out. Every method takes the
/// acting user's id and demands its permission through <see cref="PortalAccess"/> before touching anything;
/// every change is audited. Two rules hold here and nowhere else: a grant can only narrow (nobody gives or
/// takes a role above their own), and a team always keeps at least one Owner.
/// </summary>
/// <remarks>
/// Changes that could remove an Owner first write-lock the team's row inside a transaction, so two Owners
/// demoting each other at once cannot leave a team without one (on SQLite and PostgreSQL alike).
/// </remarks>
public sealed class WorkspaceService(IDbContextFactory<PortalDb> databases, PortalAccess access, AuditLog audit, TimeProvider time)
{
    /// <summary>Creates a team with <paramref name="userId"/> as its first Owner.</summary>
    /// <exception cref="WorkspaceRuleException">The name is empty or too long.</exception>
    public async Task<WorkspaceSummary> CreateTeamAsync(string userId, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var teamName = TeamName(name);
        var now = time.GetUtcNow();
        var team = new Workspace { Id = Guid.NewGuid(), Name = teamName, CreatedAt = now, CreatedByUserId = userId };
        team.Members.Add(new WorkspaceMember { UserId = userId, Role = WorkspaceRole.Owner, JoinedAt = now });
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            db.Workspaces.Add(team);
            await db.SaveChangesAsync(cancellationToken);
        }

        await audit.RecordAsync(userId, AuditAction.TeamCreated, teamName, workspaceId: team.Id, cancellationToken: cancellationToken);
        return new WorkspaceSummary(team.Id, teamName, WorkspaceRole.Owner, 1, 0);
    }

    /// <summary>The user's workspaces: personal first, then their teams by name.</summary>
    public async Task<IReadOnlyList<WorkspaceSummary>> ListMineAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var personalConnections = await db.Connections.CountAsync(c => c.OwnerId == userId && c.WorkspaceId == null, cancellationToken);
        var teams = await db.WorkspaceMembers
            .Where(m => m.UserId == userId)
            .Select(m => new
            {
                m.WorkspaceId,
                m.Workspace!.Name,
                m.Role,
                Members = m.Workspace.Members.Count,
                Connections = db.Connections.Count(c => c.WorkspaceId == m.WorkspaceId),
            })
            .ToListAsync(cancellationToken);
        return
        [
            new WorkspaceSummary(null, WorkspaceGrant.PersonalName, WorkspaceRole.Owner, 1, personalConnections),
            .. teams
                .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
                .ThenBy(t => t.WorkspaceId)
                .Select(t => new WorkspaceSummary(t.WorkspaceId, t.Name, t.Role, t.Members, t.Connections)),
        ];
    }

    /// <summary>Renames a team (Owners).</summary>
    /// <exception cref="AccessDeniedException">Not a member, or not allowed to manage members.</exception>
    /// <exception cref="WorkspaceRuleException">The name is empty or too long.</exception>
    public async Task RenameAsync(string userId, Guid workspaceId, string? name, CancellationToken cancellationToken = default)
    {
        var grant = await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.ManageMembers, cancellationToken);
        var teamName = TeamName(name);
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            await db.Workspaces.Where(w => w.Id == workspaceId)
                .ExecuteUpdateAsync(set => set.SetProperty(w => w.Name, teamName), cancellationToken);
        }

        await audit.RecordAsync(userId, AuditAction.TeamRenamed, teamName, $"was “{grant.Name}”", workspaceId, cancellationToken);
    }

    /// <summary>The team's members, Owners first; any member may see who else is in the team.</summary>
    /// <exception cref="AccessDeniedException">Not a member.</exception>
    public async Task<IReadOnlyList<WorkspaceMemberSummary>> MembersAsync(string userId, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.View, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var members = await db.WorkspaceMembers
            .Where(m => m.WorkspaceId == workspaceId)
            .Select(m => new WorkspaceMemberSummary(m.UserId, m.User!.Email ?? m.User.UserName ?? "", m.Role, m.JoinedAt))
            .ToListAsync(cancellationToken);
        return [.. members.OrderBy(m => m.Role).ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Gives <paramref name="memberUserId"/> <paramref name="role"/>. The actor needs <see cref="PortalPermission.ManageMembers"/>,
    /// and both the member's current role and the new one must be within the actor's own.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not allowed, the role is above the actor's, or no such member.</exception>
    /// <exception cref="WorkspaceRuleException">It would leave the team without an Owner.</exception>
    public async Task ChangeRoleAsync(
        string userId, Guid workspaceId, string memberUserId, WorkspaceRole role, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberUserId);
        await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.ManageMembers, cancellationToken);
        WorkspaceRole? previous = null;
        await ChangeLockedAsync(userId, workspaceId, async (db, actor) =>
        {
            DemandMayGrant(actor, role);
            var member = await FindMemberAsync(db, workspaceId, memberUserId, cancellationToken);
            DemandMayGrant(actor, member.Role);
            if (member.Role == role)
            {
                return;
            }

            previous = member.Role;
            member.Role = role;
            member.GrantedByUserId = userId;
            await db.SaveChangesAsync(cancellationToken);
            await RefuseOwnerlessAsync(db, workspaceId, "The team must keep at least one Owner: make someone else an Owner first.", cancellationToken);
        }, cancellationToken);

        if (previous is { } was)
        {
            await audit.RecordAsync(
                userId, AuditAction.RoleChanged, await EmailOfAsync(memberUserId, cancellationToken),
                $"{WorkspaceRoles.DisplayName(was)} → {WorkspaceRoles.DisplayName(role)}", workspaceId, cancellationToken);
        }
    }

    /// <summary>
    /// Removes <paramref name="memberUserId"/> from the team. Connections whose key is theirs go back to their
    /// personal workspace: a former member's key does not keep serving the team.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not allowed, the member's role is above the actor's, or no such member.</exception>
    /// <exception cref="WorkspaceRuleException">They are the last Owner.</exception>
    public async Task RemoveMemberAsync(string userId, Guid workspaceId, string memberUserId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberUserId);
        await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.ManageMembers, cancellationToken);
        var email = await EmailOfAsync(memberUserId, cancellationToken);
        await ChangeLockedAsync(userId, workspaceId, async (db, actor) =>
        {
            var member = await FindMemberAsync(db, workspaceId, memberUserId, cancellationToken);
            DemandMayGrant(actor, member.Role);
            await DepartAsync(db, member, cancellationToken);
            await RefuseOwnerlessAsync(db, workspaceId, "The last Owner cannot be removed: make someone else an Owner first.", cancellationToken);
        }, cancellationToken);

        await audit.RecordAsync(userId, AuditAction.MemberRemoved, email, workspaceId: workspaceId, cancellationToken: cancellationToken);
    }

    /// <summary>Leaves the team; the user's own connections in it go back to their personal workspace.</summary>
    /// <exception cref="AccessDeniedException">Not a member.</exception>
    /// <exception cref="WorkspaceRuleException">The user is the last Owner.</exception>
    public async Task LeaveAsync(string userId, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.View, cancellationToken);
        await ChangeLockedAsync(userId, workspaceId, async (db, actor) =>
        {
            await DepartAsync(db, actor, cancellationToken);
            await RefuseOwnerlessAsync(db, workspaceId, "You are the last Owner: make someone else an Owner before you leave.", cancellationToken);
        }, cancellationToken, requireManageMembers: false);

        await audit.RecordAsync(userId, AuditAction.MemberLeft, await EmailOfAsync(userId, cancellationToken), workspaceId: workspaceId, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Moves a connection to <paramref name="targetWorkspaceId"/> (null: back to its key owner's personal workspace).
    /// Into a team: only the key's owner, and only where they hold <see cref="PortalPermission.ManageConnections"/>.
    /// Back to personal: the key's owner, or anyone holding <see cref="PortalPermission.ManageConnections"/> in the team it is in.
    /// </summary>
    /// <exception cref="AccessDeniedException">The connection is not shared with the user, or the move is not theirs to make.</exception>
    public async Task MoveConnectionAsync(string userId, Guid connectionId, Guid? targetWorkspaceId, CancellationToken cancellationToken = default)
    {
        var connection = await access.DemandConnectionAsync(userId, connectionId, PortalPermission.View, cancellationToken);
        if (connection.WorkspaceId == targetWorkspaceId)
        {
            return;
        }

        if (targetWorkspaceId is { } target)
        {
            if (!connection.IsKeyOwner)
            {
                throw await access.RefuseAsync(
                    userId, $"connection {connectionId}", PortalPermission.ManageConnections, connection.WorkspaceId,
                    "Only the person whose exchange key this is can share it with another team.", cancellationToken);
            }

            await access.DemandWorkspaceAsync(userId, target, PortalPermission.ManageConnections, cancellationToken);
        }
        else if (!connection.IsKeyOwner)
        {
            await access.DemandConnectionAsync(userId, connectionId, PortalPermission.ManageConnections, cancellationToken);
        }

        string label;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.Connections.SingleAsync(c => c.Id == connectionId, cancellationToken);
            label = row.Label;
            row.WorkspaceId = targetWorkspaceId;
            await db.SaveChangesAsync(cancellationToken);
        }

        var detail = $"{(connection.WorkspaceId is null ? "personal" : "team")} → {(targetWorkspaceId is null ? "personal" : "team")}";
        foreach (var team in new[] { connection.WorkspaceId, targetWorkspaceId }.Where(t => t is not null))
        {
            await audit.RecordAsync(userId, AuditAction.ConnectionMoved, label, detail, team, cancellationToken);
        }
    }

    /// <summary>
    /// Adds <paramref name="userId"/> to the team with <paramref name="role"/> on behalf of <paramref name="grantedByUserId"/>
    /// (who must still hold <see cref="PortalPermission.ManageMembers"/> there and a role at least as wide): for
    /// invitations, which audit the acceptance themselves.
    /// </summary>
    /// <exception cref="AccessDeniedException">The grantor may no longer grant that role there.</exception>
    /// <exception cref="WorkspaceRuleException">The user is already a member.</exception>
    internal async Task AddMemberAsync(
        Guid workspaceId, string userId, WorkspaceRole role, string grantedByUserId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var grant = await access.DemandWorkspaceAsync(grantedByUserId, workspaceId, PortalPermission.ManageMembers, cancellationToken);
        if (!WorkspaceRoles.MayGrant(grant.Role, role))
        {
            throw await access.RefuseAsync(
                grantedByUserId, $"role {role}", PortalPermission.ManageMembers, workspaceId,
                $"As {WorkspaceRoles.DisplayName(grant.Role)} you cannot grant the role {WorkspaceRoles.DisplayName(role)}: a grant can only narrow your own.",
                cancellationToken);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken))
        {
            throw new WorkspaceRuleException($"You are already a member of “{grant.Name}”.");
        }

        db.WorkspaceMembers.Add(new WorkspaceMember
        {
            WorkspaceId = workspaceId,
            UserId = userId,
            Role = role,
            JoinedAt = time.GetUtcNow(),
            GrantedByUserId = grantedByUserId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string TeamName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length switch
        {
            0 => throw new WorkspaceRuleException("Give the team a name."),
            > Workspace.NameLength => throw new WorkspaceRuleException($"A team name has at most {Workspace.NameLength} characters."),
            _ => trimmed,
        };
    }

    /// <summary>Refuses (inside a locked change) when <paramref name="actor"/> may not give or take <paramref name="role"/>.</summary>
    private static void DemandMayGrant(WorkspaceMember actor, WorkspaceRole role)
    {
        if (!WorkspaceRoles.MayGrant(actor.Role, role))
        {
            throw new Refusal(
                $"role {role}",
                $"As {WorkspaceRoles.DisplayName(actor.Role)} you cannot grant or change the role {WorkspaceRoles.DisplayName(role)}: a grant can only narrow your own.");
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> in a transaction that first write-locks the team's row and then reads the actor's
    /// membership again under that lock (a demotion that committed while this change waited must not be overridden by
    /// a role read before). A <see cref="Refusal"/> from inside is logged and audited once the lock is released.
    /// </summary>
    private async Task ChangeLockedAsync(
        string userId, Guid workspaceId, Func<PortalDb, WorkspaceMember, Task> change, CancellationToken cancellationToken,
        bool requireManageMembers = true)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockTeamAsync(db, workspaceId, cancellationToken);
            var actor = await db.WorkspaceMembers.SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken)
                ?? throw new Refusal($"workspace {workspaceId}", "You are no longer a member of that team.");
            if (requireManageMembers && !WorkspaceRoles.PermissionsOf(actor.Role).Contains(PortalPermission.ManageMembers))
            {
                throw new Refusal($"workspace {workspaceId}", "Your role in this team changed: you may no longer manage its members.");
            }

            await change(db, actor);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Refusal refusal)
        {
            throw await access.RefuseAsync(userId, refusal.Subject, PortalPermission.ManageMembers, workspaceId, refusal.Message, cancellationToken);
        }
    }

    /// <summary>A no-op write to the team's row: takes its write lock until the transaction ends.</summary>
    private static Task LockTeamAsync(PortalDb db, Guid workspaceId, CancellationToken cancellationToken) =>
        db.Workspaces.Where(w => w.Id == workspaceId).ExecuteUpdateAsync(set => set.SetProperty(w => w.Name, w => w.Name), cancellationToken);

    private static async Task<WorkspaceMember> FindMemberAsync(PortalDb db, Guid workspaceId, string memberUserId, CancellationToken cancellationToken) =>
        await db.WorkspaceMembers.SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == memberUserId, cancellationToken)
        ?? throw new Refusal($"member {memberUserId}", "That person is not a member of this team.");

    private static async Task DepartAsync(PortalDb db, WorkspaceMember member, CancellationToken cancellationToken)
    {
        db.WorkspaceMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        await db.Connections
            .Where(c => c.WorkspaceId == member.WorkspaceId && c.OwnerId == member.UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.WorkspaceId, (Guid?)null), cancellationToken);
    }

    private static async Task RefuseOwnerlessAsync(PortalDb db, Guid workspaceId, string message, CancellationToken cancellationToken)
    {
        if (!await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.Role == WorkspaceRole.Owner, cancellationToken))
        {
            throw new WorkspaceRuleException(message);
        }
    }

    private async Task<string> EmailOfAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) ?? userId;
    }

    /// <summary>A refusal decided under the team's lock, audited by <see cref="ChangeLockedAsync"/> after the lock is released.</summary>
    private sealed class Refusal(string subject, string message) : Exception(message)
    {
        public string Subject { get; } = subject;
    }
}
