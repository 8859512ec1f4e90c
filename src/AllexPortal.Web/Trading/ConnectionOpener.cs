using AllexPortal.Web.Access;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Trading;

/// <summary>
/// Demands a permission through <see cref="PortalAccess"/> and only then opens the connection's signed client, so
/// every trading and wallet call starts from the same check.
/// </summary>
public sealed class ConnectionOpener(PortalAccess access, ConnectionService connections, IDbContextFactory<PortalDb> databases)
{
    /// <summary>The connection, opened, once <paramref name="userId"/> holds <paramref name="permission"/> on it.</summary>
    /// <exception cref="AccessDeniedException">No such connection for this user, or the role does not allow it.</exception>
    public async Task<GrantedConnection> OpenAsync(string userId, Guid connectionId, PortalPermission permission, CancellationToken cancellationToken = default)
    {
        var grant = await access.DemandConnectionAsync(userId, connectionId, permission, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == grant.ConnectionId, cancellationToken);
        var client = await connections.OpenClientAsync(userId, connectionId, cancellationToken);
        return new GrantedConnection(grant, row.Label, connections.BaseUrlOf(row), client);
    }

    /// <summary>The connections on which <paramref name="userId"/> holds <paramref name="permission"/>, oldest first.</summary>
    public async Task<IReadOnlyList<TradingConnection>> ListAsync(string userId, PortalPermission permission, CancellationToken cancellationToken = default)
    {
        var ids = await access.ConnectionsAsync(userId, permission, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Connections.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => new TradingConnection(c.Id, c.Label, c.CanTrade))];
    }

    /// <summary>The exchange a connection calls, for reading its public rules.</summary>
    public async Task<Uri> ExchangeOfAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        var grant = await access.DemandConnectionAsync(userId, connectionId, PortalPermission.View, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == grant.ConnectionId, cancellationToken);
        return connections.BaseUrlOf(row);
    }
}
