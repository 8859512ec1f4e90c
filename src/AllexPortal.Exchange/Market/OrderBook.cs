namespace AllexPortal.Exchange.Market;

/// <summary>Top of the book of one pair; replace it on every update, never merge.</summary>
public sealed record OrderBook
{
    public IReadOnlyList<OrderBookLevel> Bids { get; init; } = [];
    public IReadOnlyList<OrderBookLevel> Asks { get; init; } = [];
    public DateTimeOffset? Timestamp { get; init; }
}
