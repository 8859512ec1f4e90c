namespace AllexPortal.Web.Access;

/// <summary>What one user may do with one connection, as <see cref="PortalAccess"/> decided it.</summary>
/// <param name="ConnectionId">The connection.</param>
/// <param name="Permissions">Everything the user's role grants on it (before the key's own limits).</param>
/// <param name="KeyCanTrade">Whether the stored key itself allows trading.</param>
public sealed record ConnectionGrant(Guid ConnectionId, IReadOnlySet<PortalPermission> Permissions, bool KeyCanTrade)
{
    /// <summary>Whether the role grants <paramref name="permission"/>.</summary>
    public bool Allows(PortalPermission permission) => Permissions.Contains(permission);
}
