namespace AllexPortal.Web.Teams;

/// <summary>
/// A member's role in a team workspace. Each role is a fixed set of <see cref="Access.PortalPermission"/>s
/// (<see cref="WorkspaceRoles"/>); the order here is from most to least trusted, and a member may grant
/// only roles whose permissions are a subset of their own.
/// </summary>
/// <remarks>Stored by name, so values may be added anywhere.</remarks>
public enum WorkspaceRole
{
    /// <summary>Everything: members, roles, connections, keys, withdrawals, audit.</summary>
    Owner,

    /// <summary>View (with amounts), export, and place and cancel orders where the key allows trading.</summary>
    Trader,

    /// <summary>View (with amounts) and export.</summary>
    Viewer,

    /// <summary>View percentages and counts only: never balances or values, and no exports (they carry amounts).</summary>
    ViewerWithoutAmounts,
}
