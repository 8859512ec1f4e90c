namespace AllexPortal.Web.Trading;

/// <summary>A connection as the Trade and Wallet pages list it: whether its stored key itself may trade.</summary>
public sealed record TradingConnection(Guid Id, string Label, bool KeyCanTrade);
