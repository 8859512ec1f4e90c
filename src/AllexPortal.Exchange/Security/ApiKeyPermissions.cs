namespace AllexPortal.Exchange.Security;

/// <summary>What an API key may do; the seed nests these under <c>permissions</c>, Kit 2.17.4 sends them flat.</summary>
public sealed record ApiKeyPermissions(bool CanRead, bool CanTrade, bool CanWithdraw);
