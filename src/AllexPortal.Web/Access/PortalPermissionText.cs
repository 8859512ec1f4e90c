namespace AllexPortal.Web.Access;

/// <summary>How a <see cref="PortalPermission"/> reads in a message to the user ("does not allow trading").</summary>
public static class PortalPermissionText
{
    /// <summary>The permission as the object of "does not allow …".</summary>
    public static string Describe(PortalPermission permission) => permission switch
    {
        PortalPermission.View => "viewing",
        PortalPermission.ViewAmounts => "seeing amounts",
        PortalPermission.Export => "exports and report downloads",
        PortalPermission.Trade => "trading",
        PortalPermission.Withdraw => "withdrawals",
        PortalPermission.ManageConnections => "managing connections",
        PortalPermission.ManageKeys => "managing API keys",
        PortalPermission.ManageMembers => "managing members",
        PortalPermission.ViewAudit => "reading the audit log",
        _ => permission.ToString(),
    };
}
