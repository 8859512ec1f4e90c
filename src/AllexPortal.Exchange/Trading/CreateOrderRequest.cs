using AllexPortal.Exchange.Market;

namespace AllexPortal.Exchange.Trading;

/// <summary>
/// Body of <c>POST /order</c>. Property order is the wire order (the signature covers it); amounts should be
/// rounded to the pair's increments by the caller, the client prints them exactly as JavaScript would.
/// </summary>
public sealed record CreateOrderRequest
{
    public required string Symbol { get; init; }
    public required OrderSide Side { get; init; }
    public required decimal Size { get; init; }
    public required OrderType Type { get; init; }
    public decimal? Price { get; init; }
    public decimal? Stop { get; init; }
    public OrderMeta? Meta { get; init; }
}
