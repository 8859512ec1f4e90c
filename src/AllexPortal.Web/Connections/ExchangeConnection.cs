using AllexPortal.Web.Data;

namespace AllexPortal.Web.Connections;

/// <summary>
/// One exchange account a portal user has connected: where the exchange is, the API key and secret
/// (each encrypted with Data Protection under a purpose that names this connection, so one connection's
/// ciphertext is useless under another's), and what the exchange said the key may do when last checked.
/// Only <see cref="ApiKeyHint"/> (the key's last four characters) is ever shown.
/// </summary>
public sealed class ExchangeConnection
{
    public Guid Id { get; set; }

    /// <summary>The portal user whose exchange key this is; only they may move the connection between workspaces.</summary>
    public required string OwnerId { get; set; }

    public PortalUser? Owner { get; set; }

    /// <summary>The team workspace the connection is shared in; null while it is in its owner's personal workspace.</summary>
    public Guid? WorkspaceId { get; set; }

    /// <summary>The user's name for it, e.g. "Main account".</summary>
    public required string Label { get; set; }

    /// <summary>Base URL of the HollaEx Kit exchange (without <c>/v2</c>), e.g. <c>https://api.allex.online</c>.</summary>
    public required string BaseUrl { get; set; }

    /// <summary>True for the connection to the embedded sandbox's demo user: its base URL follows the portal's address.</summary>
    public bool IsDemo { get; set; }

    /// <summary>The last four characters of the API key, for display.</summary>
    public required string ApiKeyHint { get; set; }

    /// <summary>The API key, protected under this connection's purpose.</summary>
    public required string ProtectedApiKey { get; set; }

    /// <summary>The API secret, protected under this connection's purpose.</summary>
    public required string ProtectedApiSecret { get; set; }

    /// <summary>Permissions the exchange reported for the key at the last check.</summary>
    public bool CanRead { get; set; }

    public bool CanTrade { get; set; }

    public bool CanWithdraw { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the key was last checked against the exchange successfully.</summary>
    public DateTimeOffset? CheckedAt { get; set; }

    /// <summary>What failed on the last call that used this connection (never secret material), and when.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }
}
