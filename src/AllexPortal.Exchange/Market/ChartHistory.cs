using System.Text.Json.Serialization;

namespace AllexPortal.Exchange.Market;

/// <summary>TradingView UDF arrays of <c>GET /udf/history</c>; <see cref="Times"/> are Unix seconds.</summary>
public sealed record ChartHistory
{
    [JsonPropertyName("s")]
    public string? Status { get; init; }

    [JsonPropertyName("t")]
    public IReadOnlyList<long> Times { get; init; } = [];

    [JsonPropertyName("o")]
    public IReadOnlyList<decimal> Opens { get; init; } = [];

    [JsonPropertyName("h")]
    public IReadOnlyList<decimal> Highs { get; init; } = [];

    [JsonPropertyName("l")]
    public IReadOnlyList<decimal> Lows { get; init; } = [];

    [JsonPropertyName("c")]
    public IReadOnlyList<decimal> Closes { get; init; } = [];

    [JsonPropertyName("v")]
    public IReadOnlyList<decimal> Volumes { get; init; } = [];
}
