using System.Collections.Frozen;
using AllexPortal.Web.Access;

namespace AllexPortal.Web.Teams;

/// <summary>
/// The role table (docs/teams.md): what each <see cref="WorkspaceRole"/> may do in a team, and what a user
/// may do in their personal workspace. Kept in one place so the access checks, the UI and the tests read the
/// same table.
/// </summary>
public static class WorkspaceRoles
{
    /// <summary>Every permission: an Owner in a team, and every user in their personal workspace.</summary>
    public static readonly FrozenSet<PortalPermission> Everything = Enum.GetValues<PortalPermission>().ToFrozenSet();

    private static readonly FrozenSet<PortalPermission> TraderPermissions = new[]
    {
        PortalPermission.View, PortalPermission.ViewAmounts, PortalPermission.Export, PortalPermission.Trade,
    }.ToFrozenSet();

    private static readonly FrozenSet<PortalPermission> ViewerPermissions = new[]
    {
        PortalPermission.View, PortalPermission.ViewAmounts, PortalPermission.Export,
    }.ToFrozenSet();

    private static readonly FrozenSet<PortalPermission> ViewerWithoutAmountsPermissions = new[]
    {
        PortalPermission.View,
    }.ToFrozenSet();

    /// <summary>The permissions <paramref name="role"/> grants in a team.</summary>
    public static FrozenSet<PortalPermission> PermissionsOf(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Owner => Everything,
        WorkspaceRole.Trader => TraderPermissions,
        WorkspaceRole.Viewer => ViewerPermissions,
        WorkspaceRole.ViewerWithoutAmounts => ViewerWithoutAmountsPermissions,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>Whether a member holding <paramref name="grantor"/> may give someone <paramref name="granted"/> (or change a member who holds it):
    /// they must manage members, and the grant can only narrow (<see cref="Narrows"/>).</summary>
    public static bool MayGrant(WorkspaceRole grantor, WorkspaceRole granted) =>
        PermissionsOf(grantor).Contains(PortalPermission.ManageMembers) && Narrows(grantor, granted);

    /// <summary>Whether everything <paramref name="granted"/> allows, <paramref name="grantor"/> allows too.</summary>
    public static bool Narrows(WorkspaceRole grantor, WorkspaceRole granted) =>
        PermissionsOf(granted).IsSubsetOf(PermissionsOf(grantor));

    /// <summary>The role's name as people read it ("Viewer without amounts").</summary>
    public static string DisplayName(WorkspaceRole role) => role switch
    {
        WorkspaceRole.ViewerWithoutAmounts => "Viewer without amounts",
        _ => role.ToString(),
    };
}
