namespace AllexPortal.Web.Trading;

/// <summary>
/// A connection as the Trade and Wallet pages list it: whether the user's role allows trading with it and whether
/// its stored key itself may trade (both are needed; the page explains which one is missing), and whether the role
/// shows amounts (<see cref="Access.PortalPermission.ViewAmounts"/>), which decides what the pages ask the services
/// for. The services check every one of these again.
/// </summary>
public sealed record TradingConnection(Guid Id, string Label, bool RoleAllowsTrade, bool KeyCanTrade, bool RoleShowsAmounts)
{
    /// <summary>True when orders may be placed and cancelled with this connection.</summary>
    public bool MayTrade => RoleAllowsTrade && KeyCanTrade;
}
