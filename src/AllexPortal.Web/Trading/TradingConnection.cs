namespace AllexPortal.Web.Trading;

/// <summary>
/// A connection as the Trade and Wallet pages list it: whether the user's role allows trading with it and whether
/// its stored key itself may trade (both are needed; the page explains which one is missing).
/// </summary>
public sealed record TradingConnection(Guid Id, string Label, bool RoleAllowsTrade, bool KeyCanTrade)
{
    /// <summary>True when orders may be placed and cancelled with this connection.</summary>
    public bool MayTrade => RoleAllowsTrade && KeyCanTrade;
}
