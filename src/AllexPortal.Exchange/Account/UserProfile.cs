using System.Text.Json;
using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Account;

/// <summary>
/// Answer of <c>GET /user</c>. Only what the portal reads is typed; personal data the portal does not need
/// (identity documents, bank accounts) is left in <see cref="Other"/> rather than modelled and copied around.
/// </summary>
public sealed record UserProfile
{
    public long Id { get; init; }
    public string? Email { get; init; }
    public string? Username { get; init; }
    public string? FullName { get; init; }

    /// <summary>The user's fee tier: a key into <c>GET /tiers</c>.</summary>
    public int VerificationLevel { get; init; }

    public bool EmailVerified { get; init; }
    public bool OtpEnabled { get; init; }
    public bool? Activated { get; init; }
    public long? NetworkId { get; init; }
    public decimal? Discount { get; init; }
    public JsonElement? Settings { get; init; }
    public Balances? Balance { get; init; }

    /// <summary>Deposit addresses already created; the only way an API-key connection can read them.</summary>
    public IReadOnlyList<WalletAddress> Wallet { get; init; } = [];

    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Other { get; set; }
}
