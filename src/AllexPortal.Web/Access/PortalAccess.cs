using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Access;

/// <summary>
/// The one place that decides whether a user may do something with a connection. Services call
/// <see cref="DemandConnectionAsync"/> with every id that arrives from the browser before touching it, and
/// <see cref="ConnectionsAsync"/> to list what a user may see; a refusal is logged with the user, the id and
/// the permission, and reaches the user as <see cref="AccessDeniedException"/>.
/// </summary>
/// <remarks>Until teams exist a connection's owner holds every permission on it and nobody else holds any.</remarks>
public sealed partial class PortalAccess(IDbContextFactory<PortalDb> databases, ILogger<PortalAccess> logger)
{
    private static readonly IReadOnlySet<PortalPermission> Everything = Enum.GetValues<PortalPermission>().ToHashSet();

    /// <summary>What <paramref name="userId"/> may do with <paramref name="connectionId"/>; throws when it lacks <paramref name="permission"/>.</summary>
    /// <exception cref="AccessDeniedException">No such connection for this user, or the role does not allow it.</exception>
    public async Task<ConnectionGrant> DemandConnectionAsync(
        string userId, Guid connectionId, PortalPermission permission, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await db.Connections
            .Where(c => c.Id == connectionId && c.OwnerId == userId)
            .Select(c => new { c.Id, c.CanTrade })
            .SingleOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            LogDenied(userId, connectionId, permission);
            throw new AccessDeniedException("That connection does not exist or is not shared with you.") { Permission = permission };
        }

        return new ConnectionGrant(connection.Id, Everything, connection.CanTrade);
    }

    /// <summary>The ids of the connections on which <paramref name="userId"/> holds <paramref name="permission"/>.</summary>
    public async Task<IReadOnlyList<Guid>> ConnectionsAsync(
        string userId, PortalPermission permission, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Connections.Where(c => c.OwnerId == userId).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Denied {Permission} on connection {ConnectionId} to user {UserId}")]
    private partial void LogDenied(string userId, Guid connectionId, PortalPermission permission);
}
