using AllexPortal.Exchange.Market;

namespace AllexPortal.Exchange.Account;

/// <summary>One of the user's fills from <c>GET /user/trades</c>.</summary>
public sealed record UserTrade
{
    public OrderSide Side { get; init; }
    public string Symbol { get; init; } = string.Empty;
    public decimal Size { get; init; }
    public decimal Price { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public string? OrderId { get; init; }
    public decimal? Fee { get; init; }
    public string? FeeCoin { get; init; }
}
