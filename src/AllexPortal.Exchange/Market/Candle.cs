namespace AllexPortal.Exchange.Market;

/// <summary>One OHLCV bar of <c>GET /chart</c>.</summary>
public sealed record Candle
{
    public string? Symbol { get; init; }
    public DateTimeOffset Time { get; init; }
    public decimal Open { get; init; }
    public decimal High { get; init; }
    public decimal Low { get; init; }
    public decimal Close { get; init; }
    public decimal Volume { get; init; }
}
