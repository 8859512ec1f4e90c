using AllexPortal.Exchange.Security;

namespace AllexPortal.Web.ApiKeys;

/// <summary>What the API keys page shows of an exchange key: never the secret, and the key only by its last four
/// characters.</summary>
public sealed record ApiKeySummary(
    long Id,
    string Name,
    string MaskedKey,
    bool CanRead,
    bool CanTrade,
    bool CanWithdraw,
    IReadOnlyList<string> WhitelistedIps,
    bool WhitelistingEnabled,
    DateTimeOffset? Created,
    bool Active)
{
    /// <summary>The key as shown everywhere: <c>…abcd</c>.</summary>
    public static string Mask(string apiKey) => apiKey.Length <= 4 ? "…" : "…" + apiKey[^4..];

    internal static ApiKeySummary From(ApiKeyInfo key) => new(
        key.Id,
        key.Name,
        Mask(key.ApiKey),
        key.Permissions.CanRead,
        key.Permissions.CanTrade,
        key.Permissions.CanWithdraw,
        key.WhitelistedIps,
        key.WhitelistingEnabled,
        key.Created,
        key.Active && !key.Revoked);
}
