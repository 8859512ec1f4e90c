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
        return await OpenGrantedAsync(userId, grant, cancellationToken);
    }

    /// <summary>
    /// The connection, opened for trading: the role must allow <see cref="PortalPermission.Trade"/> (else
    /// <see cref="AccessDeniedException"/>, audited) and the stored key must be able to trade (else
    /// <see cref="TradeRefusedException"/>, which tells the user how to get such a key).
    /// </summary>
    public async Task<GrantedConnection> OpenForTradingAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        var grant = await access.DemandConnectionAsync(userId, connectionId, PortalPermission.View, cancellationToken);
        if (!grant.Allows(PortalPermission.Trade))
        {
            grant = await access.DemandConnectionAsync(userId, connectionId, PortalPermission.Trade, cancellationToken);
        }

        var opened = await OpenGrantedAsync(userId, grant, cancellationToken);
        return opened.Grant.KeyCanTrade
            ? opened
            : throw new TradeRefusedException(
                $"The API key of \"{opened.Label}\" is read-only, so the portal cannot trade with it. Create a key with trading permission on the API keys page and rotate it on the Connections page.");
    }

    /// <summary>The connections of <paramref name="workspaceId"/> (null: personal) the user may see, oldest first, with what they may do.</summary>
    public async Task<IReadOnlyList<TradingConnection>> ListAsync(string userId, Guid? workspaceId, CancellationToken cancellationToken = default)
    {
        var ids = await access.ConnectionsAsync(userId, workspaceId, PortalPermission.View, cancellationToken);
        var grant = await access.FindWorkspaceAsync(userId, workspaceId, cancellationToken);
        var roleTrades = grant?.Allows(PortalPermission.Trade) ?? false;
        var roleShowsAmounts = grant?.Allows(PortalPermission.ViewAmounts) ?? false;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Connections.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => new TradingConnection(c.Id, c.Label, roleTrades, c.CanTrade, roleShowsAmounts))];
    }

    /// <summary>The exchange a connection calls, for reading its public rules.</summary>
    public async Task<Uri> ExchangeOfAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        var grant = await access.DemandConnectionAsync(userId, connectionId, PortalPermission.View, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == grant.ConnectionId, cancellationToken);
        return connections.BaseUrlOf(row);
    }

    private async Task<GrantedConnection> OpenGrantedAsync(string userId, ConnectionGrant grant, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == grant.ConnectionId, cancellationToken);
        var client = await connections.OpenClientAsync(userId, grant.ConnectionId, cancellationToken);
        return new GrantedConnection(grant, row.Label, connections.BaseUrlOf(row), client);
    }
}
