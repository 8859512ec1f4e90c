using System.Text.Json.Serialization;
using AllexPortal.Exchange.Json;

namespace AllexPortal.Exchange.Market;

/// <summary>
/// 24 h ticker of one pair. <c>GET /ticker</c> answers flat in the Kit source and wrapped by symbol in the
/// seed (<c>{"btc-usdt": {...}}</c>); both read into this record, with <see cref="Symbol"/> taken from the wrapper.
/// </summary>
[JsonConverter(typeof(TickerConverter))]
public sealed record Ticker
{
    public string? Symbol { get; init; }
    public DateTimeOffset? Time { get; init; }
    public decimal? Open { get; init; }
    public decimal? High { get; init; }
    public decimal? Low { get; init; }
    public decimal? Close { get; init; }
    public decimal? Last { get; init; }
    public decimal? Volume { get; init; }
}
