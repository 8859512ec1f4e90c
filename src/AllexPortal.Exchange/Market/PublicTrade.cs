namespace AllexPortal.Exchange.Market;

/// <summary>A trade on the public tape; <see cref="Symbol"/> is filled from the wrapper when the exchange groups by pair.</summary>
public sealed record PublicTrade
{
    public string? Symbol { get; init; }
    public decimal Size { get; init; }
    public decimal Price { get; init; }
    public OrderSide Side { get; init; }
    public DateTimeOffset Timestamp { get; init; }
}
