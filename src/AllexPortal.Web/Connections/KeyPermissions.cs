namespace AllexPortal.Web.Connections;

/// <summary>
/// What an API key may do, as the exchange answered the portal's probes. <see cref="CanWithdraw"/> is null
/// when the exchange's answer did not tell (the page then says "unknown" and treats the key as one that may
/// withdraw).
/// </summary>
public sealed record KeyPermissions(bool CanRead, bool CanTrade, bool? CanWithdraw)
{
    /// <summary>True when the key can, or may, move funds off the exchange: the user must confirm it.</summary>
    public bool MayWithdraw => CanWithdraw is not false;
}
