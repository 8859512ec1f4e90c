using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Trading;

/// <summary>Kind of order to place.</summary>
public enum OrderType
{
    [JsonStringEnumMemberName("limit")]
    Limit,

    [JsonStringEnumMemberName("market")]
    Market,
}
