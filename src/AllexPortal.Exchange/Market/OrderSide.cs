using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Market;

/// <summary>Side of an order or trade, spelled in lower case on the wire.</summary>
public enum OrderSide
{
    [JsonStringEnumMemberName("buy")]
    Buy,

    [JsonStringEnumMemberName("sell")]
    Sell,
}
