namespace AllexPortal.Web.ApiKeys;

/// <summary>What the user asks a new key to be: its name, permissions and IP whitelist (as typed; validated by
/// <see cref="ApiKeyInput"/>). <see cref="WithdrawalConfirmed"/> is the extra tick a withdrawal key needs.</summary>
public sealed record ApiKeyDraft(
    string Name,
    bool CanRead = true,
    bool CanTrade = false,
    bool CanWithdraw = false,
    string? WhitelistedIps = null,
    bool WithdrawalConfirmed = false);
