namespace AllexPortal.Exchange.Security;

/// <summary>The <c>permissions</c> object of key creation and update requests.</summary>
public sealed record ApiKeyPermissionsBody(bool CanRead, bool CanTrade, bool CanWithdraw);
