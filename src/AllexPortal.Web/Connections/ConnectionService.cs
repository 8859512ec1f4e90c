using AllexPortal.Exchange;
using AllexPortal.Exchange.Http;
using AllexPortal.Exchange.Security;
using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Data;
using AllexPortal.Web.Demo;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AllexPortal.Web.Connections;

/// <summary>
/// Users' exchange connections. Every method takes the acting user's id and asks <see cref="PortalAccess"/> first:
/// an id from the browser the user may not see is answered exactly like a missing one
/// (<see cref="ConnectionNotFoundException"/>), and one they may see but not change with
/// <see cref="AccessDeniedException"/>.
/// </summary>
/// <remarks>
/// A connection's key is its owner's (<see cref="ExchangeConnection.OwnerId"/>): only they may replace the key
/// (<see cref="RotateAsync"/>) or delete it, wherever it is shared. Renaming needs
/// <see cref="PortalPermission.ManageConnections"/> in the workspace the connection is in.
/// </remarks>
public sealed class ConnectionService(
    IDbContextFactory<PortalDb> databases,
    PortalAccess access,
    AuditLog audit,
    CredentialVault vault,
    IAllexClientFactory clients,
    PortalExchangeEndpoint endpoint,
    KeyPermissionProbe probe,
    ExchangeOutboundPolicy outbound,
    KeyRingProtection keyRing,
    IHostEnvironment environment,
    TimeProvider time)
{
    /// <summary>The base URL the add form starts with: in demo mode the embedded sandbox, otherwise the configured exchange.</summary>
    public Uri DefaultBaseUrl => endpoint.BaseUrl;

    /// <summary>The exchanges a user may connect to (<c>Exchange:BaseUrl</c> or the demo's sandbox, then
    /// <c>Exchange:AllowedBaseUrls</c>): the same list the client's outbound policy enforces on every request.</summary>
    public IReadOnlyList<Uri> AllowedExchanges => outbound.AllowedBaseUrls();

    /// <summary>Checks a key against the exchange without saving it, so the page can show what it may do.</summary>
    /// <exception cref="ConnectionRefusedException">Invalid input, an exchange that is not allowed (nothing is sent), or the key cannot read.</exception>
    public Task<KeyPermissions> CheckAsync(string? baseUrl, string? apiKey, string? apiSecret, CancellationToken cancellationToken = default)
    {
        var credentials = ConnectionInput.Credentials(apiKey, apiSecret);
        return probe.ProbeAsync(AllowedExchange(baseUrl), credentials, cancellationToken);
    }

    /// <summary>
    /// Checks the key against the exchange, then saves it encrypted. A key that can (or may) withdraw is saved
    /// only with <paramref name="withdrawalConfirmed"/>: the user ticked that they understand the risk.
    /// </summary>
    /// <exception cref="ConnectionRefusedException">Invalid input, a key that cannot read, or an unconfirmed withdrawal key.</exception>
    public async Task<ConnectionSummary> AddAsync(
        string userId, string? label, string? baseUrl, string? apiKey, string? apiSecret,
        bool withdrawalConfirmed = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await RefuseSharedDemoAccountAsync(db, userId, cancellationToken);
        var name = ConnectionInput.Label(label);
        RefuseRealExchangeWithoutProtectedKeyRing(ConnectionInput.BaseUrl(baseUrl));
        var credentials = ConnectionInput.Credentials(apiKey, apiSecret);
        var url = AllowedExchange(baseUrl);
        var permissions = await CheckConfirmedAsync(url, credentials, withdrawalConfirmed, cancellationToken);

        var now = Now();
        var connection = new ExchangeConnection
        {
            Id = Guid.NewGuid(),
            OwnerId = userId,
            Label = name,
            BaseUrl = url.AbsoluteUri,
            ApiKeyHint = "",
            ProtectedApiKey = "",
            ProtectedApiSecret = "",
            CreatedAt = now,
        };
        Apply(connection, credentials, permissions, now);
        db.Connections.Add(connection);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(userId, AuditAction.ConnectionAdded, connection, KeyDetail(connection), cancellationToken);
        return Summarise(connection);
    }

    /// <summary>A demo started without a key-ring certificate (allowed so the demo runs anywhere) must not hold
    /// keys of real exchanges: they would sit in the database under an unencrypted key ring.</summary>
    private void RefuseRealExchangeWithoutProtectedKeyRing(Uri url)
    {
        if (keyRing.IsProtected || environment.IsDevelopment() || IsEmbeddedSandbox(url))
        {
            return;
        }

        throw new ConnectionRefusedException(
            "This portal runs as a demo without a key-ring certificate, so it connects only to its sandbox exchange " +
            $"({endpoint.BaseUrl}). To store a key of a real exchange, configure DataProtection:Certificate:Path (see the README).");
    }

    /// <summary>The embedded sandbox, matched exactly (scheme, host, port and path): not any loopback URL whose
    /// path ends in the sandbox prefix.</summary>
    private bool IsEmbeddedSandbox(Uri url) =>
        endpoint.EmbeddedSandboxBaseUrl is { } sandbox && ExchangeOutboundPolicy.SameExchange(url, sandbox);

    /// <summary>The typed base URL when it is one of the allowed exchanges; refused before anything is sent otherwise.</summary>
    private Uri AllowedExchange(string? baseUrl)
    {
        var url = ConnectionInput.BaseUrl(baseUrl);
        if (outbound.IsAllowedBaseUrl(url))
        {
            return url;
        }

        throw new ConnectionRefusedException(
            $"This portal connects only to {string.Join(", ", AllowedExchanges.Select(u => u.AbsoluteUri))}. " +
            "Choose one of these exchanges; the portal's operator can allow other HollaEx Kit exchanges (Exchange:AllowedBaseUrls).");
    }

    /// <summary>Replaces the key and secret of a connection (checked like a new key) and clears its last error; the key's owner only.</summary>
    /// <exception cref="ConnectionNotFoundException">Not shared with the user, or no such connection.</exception>
    /// <exception cref="AccessDeniedException">The user is not the key's owner.</exception>
    /// <exception cref="ConnectionRefusedException">Invalid input, a key that cannot read, or an unconfirmed withdrawal key.</exception>
    public async Task<ConnectionSummary> RotateAsync(
        string userId, Guid connectionId, string? apiKey, string? apiSecret,
        bool withdrawalConfirmed = false, CancellationToken cancellationToken = default)
    {
        await DemandKeyOwnerAsync(userId, connectionId, "replace its key", cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await FindAsync(db, connectionId, cancellationToken);
        await RefuseSharedDemoAccountAsync(db, userId, cancellationToken);
        var credentials = ConnectionInput.Credentials(apiKey, apiSecret);
        var permissions = await CheckConfirmedAsync(BaseUrlOf(connection), credentials, withdrawalConfirmed, cancellationToken);
        Apply(connection, credentials, permissions, Now());
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(userId, AuditAction.ConnectionChanged, connection, "key replaced: " + KeyDetail(connection), cancellationToken);
        return Summarise(connection);
    }

    /// <summary>Gives a connection a new label.</summary>
    /// <exception cref="ConnectionNotFoundException">Not shared with the user, or no such connection.</exception>
    /// <exception cref="AccessDeniedException">The user's role may not manage connections.</exception>
    /// <exception cref="ConnectionRefusedException">The label is empty or too long.</exception>
    public async Task<ConnectionSummary> RenameAsync(string userId, Guid connectionId, string? label, CancellationToken cancellationToken = default)
    {
        await access.DemandConnectionAsync(userId, connectionId, PortalPermission.ManageConnections, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await FindAsync(db, connectionId, cancellationToken);
        await RefuseSharedDemoAccountAsync(db, userId, cancellationToken);
        var before = connection.Label;
        connection.Label = ConnectionInput.Label(label);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(userId, AuditAction.ConnectionChanged, connection, $"renamed from \"{before}\"", cancellationToken);
        return Summarise(connection);
    }

    /// <summary>Deletes a connection with its stored credentials and valuation snapshots; the key's owner only.</summary>
    /// <exception cref="ConnectionNotFoundException">Not shared with the user, or no such connection.</exception>
    /// <exception cref="AccessDeniedException">The user is not the key's owner.</exception>
    public async Task DeleteAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default)
    {
        await DemandKeyOwnerAsync(userId, connectionId, "delete it", cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await FindAsync(db, connectionId, cancellationToken);
        await RefuseSharedDemoAccountAsync(db, userId, cancellationToken);
        db.Connections.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(userId, AuditAction.ConnectionRemoved, connection, KeyDetail(connection), cancellationToken);
    }

    /// <summary>Audits a change to a connection in the workspace it is (or was) in: its label and id, never its key.</summary>
    private Task RecordAsync(string userId, AuditAction action, ExchangeConnection connection, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(userId, action, $"{connection.Label} ({connection.Id})", detail, connection.WorkspaceId, cancellationToken);

    private static string KeyDetail(ExchangeConnection connection) =>
        $"key …{connection.ApiKeyHint}, " + string.Join('/', new[] { connection.CanRead ? "read" : null, connection.CanTrade ? "trade" : null, connection.CanWithdraw ? "withdraw" : null }.OfType<string>());

    /// <summary>The connections in the user's personal workspace, oldest first.</summary>
    public Task<IReadOnlyList<ConnectionSummary>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        ListAsync(userId, null, cancellationToken);

    /// <summary>The connections in <paramref name="workspaceId"/> (null: the user's personal workspace), oldest first.</summary>
    /// <exception cref="AccessDeniedException">Not a member of that workspace.</exception>
    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(string userId, Guid? workspaceId, CancellationToken cancellationToken = default)
    {
        await access.DemandWorkspaceAsync(userId, workspaceId, PortalPermission.View, cancellationToken);
        var ids = await access.ConnectionsAsync(userId, workspaceId, PortalPermission.View, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Connections.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(Summarise)];
    }

    /// <summary>
    /// Every connection whose key is <paramref name="ownerId"/>'s, wherever it is shared: for background work done as
    /// the key's owner (scheduled snapshots), never for a list shown to a user.
    /// </summary>
    internal async Task<IReadOnlyList<ConnectionSummary>> ListKeysOfAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Connections.AsNoTracking().Where(c => c.OwnerId == ownerId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(Summarise)];
    }

    /// <summary>A signed client for a connection the user may see, for reading through it.</summary>
    /// <exception cref="ConnectionNotFoundException">Not shared with the user, or no such connection.</exception>
    public Task<AllexApiKeyClient> OpenClientAsync(string userId, Guid connectionId, CancellationToken cancellationToken = default) =>
        OpenClientAsync(userId, connectionId, PortalPermission.View, cancellationToken);

    /// <summary>A signed client for a connection on which the user holds <paramref name="permission"/> (e.g. <see cref="PortalPermission.Trade"/> to place or cancel).</summary>
    /// <exception cref="ConnectionNotFoundException">Not shared with the user, or no such connection.</exception>
    /// <exception cref="AccessDeniedException">The role (or, for trading, the key) does not allow it.</exception>
    public async Task<AllexApiKeyClient> OpenClientAsync(
        string userId, Guid connectionId, PortalPermission permission, CancellationToken cancellationToken = default)
    {
        await access.DemandConnectionAsync(userId, connectionId, permission, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await FindAsync(db, connectionId, cancellationToken);
        return clients.ForApiKey(BaseUrlOf(connection), vault.Open(connection));
    }

    /// <summary>Records what failed on a call with this connection (shown on its card), or clears it with null.</summary>
    /// <exception cref="ConnectionNotFoundException">Not shared with the user, or no such connection.</exception>
    public async Task RecordOutcomeAsync(string userId, Guid connectionId, string? error, CancellationToken cancellationToken = default)
    {
        await access.DemandConnectionAsync(userId, connectionId, PortalPermission.View, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await FindAsync(db, connectionId, cancellationToken);
        connection.LastError = error is null ? null : error[..Math.Min(error.Length, 500)];
        connection.LastErrorAt = error is null ? null : Now();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Everyone who clicks "Try the demo" shares one account: a key added there would be shown to all of
    /// them, and a deleted demo connection would be gone for all of them.</summary>
    private static async Task RefuseSharedDemoAccountAsync(PortalDb db, string userId, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.Id == userId && u.NormalizedEmail == DemoAccount.Email.ToUpperInvariant(), cancellationToken))
        {
            throw new ConnectionRefusedException("The demo account is shared by every visitor, so its connections cannot be changed. Create your own account to add a key (the sandbox works there too).");
        }
    }

    private async Task<KeyPermissions> CheckConfirmedAsync(Uri baseUrl, ApiKeyCredentials credentials, bool withdrawalConfirmed, CancellationToken cancellationToken)
    {
        var permissions = await probe.ProbeAsync(baseUrl, credentials, cancellationToken);
        return permissions.MayWithdraw && !withdrawalConfirmed
            ? throw new ConnectionRefusedException("This key can move funds off the exchange. Create a read-only key instead, or confirm that you want to store a key that can withdraw.")
            : permissions;
    }

    private void Apply(ExchangeConnection connection, ApiKeyCredentials credentials, KeyPermissions permissions, DateTimeOffset now)
    {
        vault.Seal(connection, credentials);
        connection.CanRead = permissions.CanRead;
        connection.CanTrade = permissions.CanTrade;
        connection.CanWithdraw = permissions.MayWithdraw;
        connection.CheckedAt = now;
        connection.LastError = null;
        connection.LastErrorAt = null;
    }

    /// <summary>The time in whole milliseconds, as the database stores it, so what a method returns equals what a later read returns.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
    }

    internal Uri BaseUrlOf(ExchangeConnection connection) =>
        connection.IsDemo ? endpoint.BaseUrl : new Uri(connection.BaseUrl);

    /// <summary>The row of a connection <see cref="PortalAccess"/> already allowed (it may have been deleted since).</summary>
    private static async Task<ExchangeConnection> FindAsync(PortalDb db, Guid connectionId, CancellationToken cancellationToken) =>
        await db.Connections.SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken)
            ?? throw new ConnectionNotFoundException(connectionId);

    private async Task DemandKeyOwnerAsync(string userId, Guid connectionId, string action, CancellationToken cancellationToken)
    {
        var grant = await access.DemandConnectionAsync(userId, connectionId, PortalPermission.View, cancellationToken);
        if (!grant.IsKeyOwner)
        {
            throw await access.RefuseAsync(
                userId, $"connection {connectionId}", PortalPermission.ManageConnections, grant.WorkspaceId,
                $"Only the person whose exchange key this is can {action}.", cancellationToken);
        }
    }

    private ConnectionSummary Summarise(ExchangeConnection c) => new(
        c.Id, c.Label, BaseUrlOf(c), c.IsDemo, c.ApiKeyHint, c.CanRead, c.CanTrade, c.CanWithdraw,
        c.CreatedAt, c.CheckedAt, c.LastError, c.LastErrorAt)
    {
        OwnerId = c.OwnerId,
        WorkspaceId = c.WorkspaceId,
    };
}
