namespace AllexPortal.Exchange.Market;

/// <summary>A sparkline point of <c>GET /minicharts</c>; the exchange sends the price as a string.</summary>
public sealed record MiniChartPoint
{
    public DateTimeOffset Time { get; init; }
    public decimal Price { get; init; }
    public string? Symbol { get; init; }
    public string? Quote { get; init; }
}
