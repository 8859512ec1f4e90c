using AllexPortal.Web.Audit;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Teams;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Access;

/// <summary>
/// The one place that decides whether a user may do something with a connection or in a workspace.
/// Services call <see cref="DemandConnectionAsync"/> with every connection id that arrives from the browser,
/// <see cref="DemandWorkspaceAsync"/> with every workspace id, and <see cref="ConnectionsAsync(string, Guid?, PortalPermission, CancellationToken)"/>
/// to list what a user may see. A refusal is logged with the user, the id and the permission, audited as
/// <see cref="AuditAction.AccessDenied"/>, and reaches the user as <see cref="AccessDeniedException"/>.
/// </summary>
/// <remarks>
/// A connection in its owner's personal workspace grants its owner everything and nobody else anything; a
/// connection in a team grants each member what their role grants (<see cref="WorkspaceRoles"/>). Every call is
/// one database query and nothing is cached, so a role change takes effect on the next call.
/// </remarks>
public sealed partial class PortalAccess(IDbContextFactory<PortalDb> databases, AuditLog audit, ILogger<PortalAccess> logger)
{
    private const string WorkspaceNotShared = "That workspace does not exist or you are not a member of it.";

    /// <summary>What <paramref name="userId"/> may do with <paramref name="connectionId"/>; throws when it lacks <paramref name="permission"/>.</summary>
    /// <remarks><see cref="PortalPermission.Trade"/> also needs the stored key to allow trading.</remarks>
    /// <exception cref="ConnectionNotFoundException">No such connection, or not shared with this user (indistinguishable).</exception>
    /// <exception cref="AccessDeniedException">The role (or, for trading, the key) does not allow it.</exception>
    public async Task<ConnectionGrant> DemandConnectionAsync(
        string userId, Guid connectionId, PortalPermission permission, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await db.Connections
            .Where(c => c.Id == connectionId)
            .Select(c => new
            {
                c.Id,
                c.CanTrade,
                c.OwnerId,
                c.WorkspaceId,
                Member = db.WorkspaceMembers
                    .Where(m => m.WorkspaceId == c.WorkspaceId && m.UserId == userId)
                    .Select(m => new { m.Role, m.Workspace!.Name })
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);

        IReadOnlySet<PortalPermission>? permissions = connection switch
        {
            null => null,
            { WorkspaceId: null } when connection.OwnerId == userId => WorkspaceRoles.Everything,
            { WorkspaceId: not null, Member: { } member } => WorkspaceRoles.PermissionsOf(member.Role),
            _ => null,
        };
        if (connection is null || permissions is null)
        {
            // Audited in no team's log: the id may belong to a team the user is not in, and that team's log is not theirs to write.
            await DenyConnectionAsync(userId, connectionId, permission, null, "not shared", cancellationToken);
            throw new ConnectionNotFoundException(connectionId) { Permission = permission };
        }

        var grant = new ConnectionGrant(connection.Id, permissions, connection.CanTrade)
        {
            WorkspaceId = connection.WorkspaceId,
            IsKeyOwner = connection.OwnerId == userId,
        };
        if (!grant.Allows(permission))
        {
            var message = connection.Member is { } m
                ? $"Your role ({WorkspaceRoles.DisplayName(m.Role)}) in “{m.Name}” does not allow {PortalPermissionText.Describe(permission)}."
                : $"You are not allowed {PortalPermissionText.Describe(permission)} with that connection.";
            await DenyConnectionAsync(userId, connectionId, permission, connection.WorkspaceId, "role", cancellationToken);
            throw new AccessDeniedException(message) { Permission = permission };
        }

        if (permission == PortalPermission.Trade && !grant.KeyCanTrade)
        {
            await DenyConnectionAsync(userId, connectionId, permission, connection.WorkspaceId, "key", cancellationToken);
            throw new AccessDeniedException("This connection's API key does not allow trading.") { Permission = permission };
        }

        return grant;
    }

    /// <summary>What <paramref name="userId"/> may do in <paramref name="workspaceId"/> (null: their personal workspace); throws when it lacks <paramref name="permission"/>.</summary>
    /// <exception cref="AccessDeniedException">Not a member of that workspace, or the role does not allow it.</exception>
    public async Task<WorkspaceGrant> DemandWorkspaceAsync(
        string userId, Guid? workspaceId, PortalPermission permission, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var grant = await FindWorkspaceAsync(userId, workspaceId, cancellationToken);
        if (grant is null)
        {
            LogWorkspaceDenied(userId, workspaceId, permission);
            await audit.RecordAsync(userId, AuditAction.AccessDenied, $"workspace {workspaceId}", $"{permission}: not a member", null, cancellationToken);
            throw new AccessDeniedException(WorkspaceNotShared) { Permission = permission };
        }

        if (!grant.Allows(permission))
        {
            LogWorkspaceDenied(userId, workspaceId, permission);
            await audit.RecordAsync(userId, AuditAction.AccessDenied, $"workspace {workspaceId}", $"{permission}: role {grant.Role}", workspaceId, cancellationToken);
            throw new AccessDeniedException(
                $"Your role ({WorkspaceRoles.DisplayName(grant.Role)}) in “{grant.Name}” does not allow {PortalPermissionText.Describe(permission)}.")
            {
                Permission = permission,
            };
        }

        return grant;
    }

    /// <summary>
    /// What <paramref name="userId"/> may do in <paramref name="workspaceId"/>, or null when they are not a member.
    /// Neither logs nor audits: for remembered choices and menus, never for an id the browser just sent.
    /// </summary>
    public async Task<WorkspaceGrant?> FindWorkspaceAsync(string userId, Guid? workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (workspaceId is not { } id)
        {
            return WorkspaceGrant.Personal;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var member = await db.WorkspaceMembers
            .Where(m => m.WorkspaceId == id && m.UserId == userId)
            .Select(m => new { m.Role, m.Workspace!.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return member is null ? null : new WorkspaceGrant(id, member.Name, member.Role, WorkspaceRoles.PermissionsOf(member.Role));
    }

    /// <summary>The ids of the connections in <paramref name="userId"/>'s personal workspace.</summary>
    public Task<IReadOnlyList<Guid>> ConnectionsAsync(
        string userId, PortalPermission permission, CancellationToken cancellationToken = default) =>
        ConnectionsAsync(userId, null, permission, cancellationToken);

    /// <summary>
    /// The ids of the connections in <paramref name="workspaceId"/> (null: the user's personal workspace) on which
    /// <paramref name="userId"/> holds <paramref name="permission"/>; empty when they are not a member or their role
    /// lacks it. For <see cref="PortalPermission.Trade"/> only connections whose key allows trading.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ConnectionsAsync(
        string userId, Guid? workspaceId, PortalPermission permission, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connections = workspaceId is { } id
            ? db.Connections.Where(c => c.WorkspaceId == id && db.WorkspaceMembers.Any(m =>
                m.WorkspaceId == id && m.UserId == userId && RolesAllowing(permission).Contains(m.Role)))
            : db.Connections.Where(c => c.OwnerId == userId && c.WorkspaceId == null);
        if (permission == PortalPermission.Trade)
        {
            connections = connections.Where(c => c.CanTrade);
        }

        return await connections.OrderBy(c => c.CreatedAt).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Logs and audits a refusal a service decided itself (a rule finer than a permission, e.g. "only the key's owner"),
    /// and returns the exception to throw.
    /// </summary>
    public async Task<AccessDeniedException> RefuseAsync(
        string userId, string subject, PortalPermission permission, Guid? workspaceId, string message, CancellationToken cancellationToken = default)
    {
        LogRefused(userId, subject, permission);
        await audit.RecordAsync(userId, AuditAction.AccessDenied, subject, $"{permission}: {message}", workspaceId, cancellationToken);
        return new AccessDeniedException(message) { Permission = permission };
    }

    private static List<WorkspaceRole> RolesAllowing(PortalPermission permission) =>
        Enum.GetValues<WorkspaceRole>().Where(role => WorkspaceRoles.PermissionsOf(role).Contains(permission)).ToList();

    private async Task DenyConnectionAsync(
        string userId, Guid connectionId, PortalPermission permission, Guid? workspaceId, string reason, CancellationToken cancellationToken)
    {
        LogConnectionDenied(userId, connectionId, permission);
        await audit.RecordAsync(
            userId,
            AuditAction.AccessDenied,
            $"connection {connectionId}",
            $"{permission}: {reason}",
            workspaceId,
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Denied {Permission} on connection {ConnectionId} to user {UserId}")]
    private partial void LogConnectionDenied(string userId, Guid connectionId, PortalPermission permission);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Denied {Permission} on {Subject} to user {UserId}")]
    private partial void LogRefused(string userId, string subject, PortalPermission permission);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Denied {Permission} in workspace {WorkspaceId} to user {UserId}")]
    private partial void LogWorkspaceDenied(string userId, Guid? workspaceId, PortalPermission permission);
}
