using AllexPortal.Web.Teams;

namespace AllexPortal.Web.Access;

/// <summary>What one user may do in one workspace, as <see cref="PortalAccess"/> decided it.</summary>
/// <param name="WorkspaceId">The team, or null for the user's personal workspace.</param>
/// <param name="Name">The team's name, or "Personal".</param>
/// <param name="Role">The user's role there (<see cref="WorkspaceRole.Owner"/> in their personal workspace).</param>
/// <param name="Permissions">What the role grants (see <see cref="WorkspaceRoles"/>).</param>
public sealed record WorkspaceGrant(Guid? WorkspaceId, string Name, WorkspaceRole Role, IReadOnlySet<PortalPermission> Permissions)
{
    /// <summary>The name shown for a user's own workspace.</summary>
    public const string PersonalName = "Personal";

    /// <summary>Whether this is the user's personal workspace.</summary>
    public bool IsPersonal => WorkspaceId is null;

    /// <summary>Whether the role grants <paramref name="permission"/>.</summary>
    public bool Allows(PortalPermission permission) => Permissions.Contains(permission);

    /// <summary>The grant every user holds on their own personal workspace.</summary>
    public static WorkspaceGrant Personal { get; } =
        new(null, PersonalName, WorkspaceRole.Owner, WorkspaceRoles.Everything);
}
