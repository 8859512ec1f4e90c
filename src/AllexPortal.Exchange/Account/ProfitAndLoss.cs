using System.Text.Json;
using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Account;

/// <summary>Answer of the optional <c>GET /user/balance-pl</c>; its layout is not documented, so it stays JSON.</summary>
public sealed record ProfitAndLoss
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement> Values { get; set; } = new Dictionary<string, JsonElement>();
}
