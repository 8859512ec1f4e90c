using AllexPortal.Exchange;
using AllexPortal.Web.Data;
using AllexPortal.Web.Exchange;
using Microsoft.EntityFrameworkCore;

namespace AllexPortal.Web.Connections;

/// <summary>
/// A user's exchange connections. Every method takes the acting user's id and only ever touches that user's
/// rows: an id from the browser that is not theirs is answered exactly like a missing one.
/// </summary>
public sealed class ConnectionService(
    IDbContextFactory<PortalDb> databases,
    CredentialVault vault,
    IAllexClientFactory clients,
    PortalExchangeEndpoint endpoint,
    TimeProvider time)
{
    /// <summary>The user's connections, oldest first.</summary>
    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Connections.AsNoTracking()
            .Where(c => c.OwnerId == userId)
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(Summarise)];
    }

    /// <summary>A signed client for one of the user's connections.</summary>
    /// <exception cref="ConnectionNotFoundException">Not the user's, or no such connection.</exception>
    public async Task<AllexApiKeyClient> OpenClientAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await FindOwnedAsync(db, userId, connectionId, cancellationToken);
        return clients.ForApiKey(BaseUrlOf(connection), vault.Open(connection));
    }

    /// <summary>Records what failed on a call with this connection (shown on its card), or clears it with null.</summary>
    public async Task RecordOutcomeAsync(string userId, Guid connectionId, string? error, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await FindOwnedAsync(db, userId, connectionId, cancellationToken);
        connection.LastError = error is null ? null : error[..Math.Min(error.Length, 500)];
        connection.LastErrorAt = error is null ? null : time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    internal Uri BaseUrlOf(ExchangeConnection connection) =>
        connection.IsDemo ? endpoint.BaseUrl : new Uri(connection.BaseUrl);

    internal static async Task<ExchangeConnection> FindOwnedAsync(PortalDb db, string userId, Guid connectionId, CancellationToken cancellationToken) =>
        await db.Connections.SingleOrDefaultAsync(c => c.Id == connectionId && c.OwnerId == userId, cancellationToken)
            ?? throw new ConnectionNotFoundException(connectionId);

    private ConnectionSummary Summarise(ExchangeConnection c) => new(
        c.Id, c.Label, BaseUrlOf(c), c.IsDemo, c.ApiKeyHint, c.CanRead, c.CanTrade, c.CanWithdraw,
        c.CreatedAt, c.CheckedAt, c.LastError, c.LastErrorAt);
}
