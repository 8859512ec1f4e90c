using AllexPortal.Exchange.Account;
using AllexPortal.Exchange.Market;

namespace AllexPortal.Exchange.Trading;

/// <summary>Filters of <c>GET /orders</c> on top of the common history filter.</summary>
public sealed record OrderFilter
{
    public HistoryFilter History { get; init; } = new();
    public OrderSide? Side { get; init; }

    /// <summary><c>new</c>, <c>pfilled</c>, <c>filled</c> or <c>canceled</c>.</summary>
    public string? Status { get; init; }

    /// <summary>True for open orders only.</summary>
    public bool? Open { get; init; }
}
