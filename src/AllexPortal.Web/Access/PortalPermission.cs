namespace AllexPortal.Web.Access;

/// <summary>
/// What a user may do with a connection or a workspace. Roles (issue 9) are sets of these; every service
/// method that takes an id from the browser demands one through <see cref="PortalAccess"/>.
/// </summary>
public enum PortalPermission
{
    /// <summary>See holdings, history and reports (percentages and counts at least).</summary>
    View,

    /// <summary>See balances, values and amounts, not only shares and counts.</summary>
    ViewAmounts,

    /// <summary>Download CSV exports and reports.</summary>
    Export,

    /// <summary>Place and cancel orders with connections whose key allows trading.</summary>
    Trade,

    /// <summary>Request withdrawals (through the user's own exchange sign-in only).</summary>
    Withdraw,

    /// <summary>Add, change, move and remove connections; sync them.</summary>
    ManageConnections,

    /// <summary>Create and revoke exchange API keys.</summary>
    ManageKeys,

    /// <summary>Invite and remove members, change roles.</summary>
    ManageMembers,

    /// <summary>Read and export the audit log.</summary>
    ViewAudit,
}
