using AllexPortal.Exchange.Market;
using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Amounts;

/// <summary>
/// An order as a member without amounts sees it: when, pair, side, type, status and how much of it filled in
/// percent; never its size, price, stop, average or fee. The order id and note are left out too: a note is free
/// text that may name an amount.
/// </summary>
public sealed record OrderActivity(
    long Id, Guid ConnectionId, DateTimeOffset CreatedAt, string Symbol, OrderSide Side, string Type, string Status, decimal? FilledPercent)
{
    /// <summary>What of <paramref name="order"/> is not an amount; the filled part in whole percent (rounded down, so
    /// 100 % means filled), null for an order without a size.</summary>
    public static OrderActivity Of(LedgerOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        decimal? filled = order.Size > 0m ? Math.Clamp(Math.Floor(order.Filled / order.Size * 100m), 0m, 100m) : null;
        return new OrderActivity(order.Id, order.ConnectionId, order.CreatedAt, order.Symbol, order.Side, order.Type, order.Status, filled);
    }
}
