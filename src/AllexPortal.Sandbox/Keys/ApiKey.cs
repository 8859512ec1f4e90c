namespace AllexPortal.Sandbox.Keys;

/// <summary>An HMAC API key (the Kit's <c>token</c> row of type <c>hmac</c>).</summary>
internal sealed class ApiKey
{
    public required int Id { get; init; }

    public required int UserId { get; init; }

    public required string Name { get; set; }

    public required string Key { get; init; }

    public required string Secret { get; init; }

    public bool CanRead { get; set; } = true;

    public bool CanTrade { get; set; }

    public bool CanWithdraw { get; set; }

    public bool Active { get; set; } = true;

    public bool Revoked { get; set; }

    public List<string> WhitelistedIps { get; set; } = [];

    public bool WhitelistingEnabled { get; set; }

    public required DateTimeOffset Expiry { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The list form (<c>GET /user/tokens</c>, <c>PUT /user/token</c>): secret masked, flags top-level.</summary>
    public Dictionary<string, object> ToListItem() => new(StringComparer.Ordinal)
    {
        ["id"] = Id,
        ["name"] = Name,
        ["apiKey"] = Key,
        ["secret"] = string.Concat(Secret.AsSpan(0, 3), "********"),
        ["active"] = Active,
        ["revoked"] = Revoked,
        ["expiry"] = Expiry,
        ["created"] = CreatedAt,
        ["whitelisted_ips"] = WhitelistedIps,
        ["whitelisting_enabled"] = WhitelistingEnabled,
        ["can_read"] = CanRead,
        ["can_trade"] = CanTrade,
        ["can_withdraw"] = CanWithdraw,
        ["role"] = "user",
    };

    /// <summary>The creation form (<c>POST /user/token</c>): the raw row with the full secret, shown once.</summary>
    public Dictionary<string, object> ToCreatedRow() => new(StringComparer.Ordinal)
    {
        ["id"] = Id,
        ["name"] = Name,
        ["key"] = Key,
        ["secret"] = Secret,
        ["expiry"] = Expiry,
        ["role"] = "user",
        ["type"] = "hmac",
        ["active"] = Active,
        ["revoked"] = Revoked,
        ["can_read"] = CanRead,
        ["can_trade"] = CanTrade,
        ["can_withdraw"] = CanWithdraw,
        ["whitelisted_ips"] = WhitelistedIps,
        ["whitelisting_enabled"] = WhitelistingEnabled,
        ["user_id"] = UserId,
        ["created_at"] = CreatedAt,
        ["updated_at"] = UpdatedAt,
    };
}
