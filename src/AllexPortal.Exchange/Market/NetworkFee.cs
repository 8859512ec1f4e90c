using System.Text.Json.Serialization;
using AllexPortal.Exchange.Json;

namespace AllexPortal.Exchange.Market;

/// <summary>A withdrawal fee on one network, optionally charged in another coin (<see cref="Symbol"/>).</summary>
[JsonConverter(typeof(NetworkFeeConverter))]
public sealed record NetworkFee(decimal Value, string? Symbol);
