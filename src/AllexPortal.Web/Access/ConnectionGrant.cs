namespace AllexPortal.Web.Access;

/// <summary>What one user may do with one connection, as <see cref="PortalAccess"/> decided it.</summary>
/// <param name="ConnectionId">The connection.</param>
/// <param name="Permissions">Everything the user's role grants on it (before the key's own limits).</param>
/// <param name="KeyCanTrade">Whether the stored key itself allows trading.</param>
public sealed record ConnectionGrant(Guid ConnectionId, IReadOnlySet<PortalPermission> Permissions, bool KeyCanTrade)
{
    /// <summary>The team the connection is shared in; null while it is in its owner's personal workspace.</summary>
    public Guid? WorkspaceId { get; init; }

    /// <summary>Whether the acting user is the one whose exchange key this is.</summary>
    public bool IsKeyOwner { get; init; }

    /// <summary>Whether the role grants <paramref name="permission"/>.</summary>
    public bool Allows(PortalPermission permission) => Permissions.Contains(permission);

    /// <summary>Whether orders may be placed and cancelled: the role grants <see cref="PortalPermission.Trade"/> and the key allows it.</summary>
    public bool CanTrade => KeyCanTrade && Allows(PortalPermission.Trade);
}
