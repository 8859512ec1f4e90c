using System.Text.Json.Serialization;
using AllexPortal.Exchange.Json;

namespace AllexPortal.Exchange.Security;

/// <summary>
/// An API key as listed by <c>GET /user/tokens</c> or returned by <c>PUT /user/token</c>; the secret is
/// masked by the exchange. Reads both the seed's nested <c>permissions</c> and the source's flat flags.
/// </summary>
[JsonConverter(typeof(ApiKeyInfoConverter))]
public sealed record ApiKeyInfo
{
    public long Id { get; init; }
    public string Name { get; init; } = string.Empty;
    public string ApiKey { get; init; } = string.Empty;
    public bool Active { get; init; }
    public bool Revoked { get; init; }
    public ApiKeyPermissions Permissions { get; init; } = new(CanRead: false, CanTrade: false, CanWithdraw: false);
    public IReadOnlyList<string> WhitelistedIps { get; init; } = [];
    public bool WhitelistingEnabled { get; init; }
    public string? Role { get; init; }
    public DateTimeOffset? Expiry { get; init; }
    public DateTimeOffset? Created { get; init; }
}
