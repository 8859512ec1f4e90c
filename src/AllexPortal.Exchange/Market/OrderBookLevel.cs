using System.Text.Json.Serialization;
using AllexPortal.Exchange.Json;

namespace AllexPortal.Exchange.Market;

/// <summary>One price level, sent by the exchange as the pair <c>[price, size]</c>.</summary>
[JsonConverter(typeof(OrderBookLevelConverter))]
public sealed record OrderBookLevel(decimal Price, decimal Size);
