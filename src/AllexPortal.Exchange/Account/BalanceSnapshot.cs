using System.Text.Json;
using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Account;

/// <summary>A row of the optional <c>GET /user/balance-history</c>: the portfolio value at one moment.</summary>
public sealed record BalanceSnapshot
{
    public long? Id { get; init; }
    public decimal? Total { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Other { get; set; }
}
