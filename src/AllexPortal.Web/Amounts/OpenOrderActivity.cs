using AllexPortal.Exchange.Market;
using AllexPortal.Exchange.Trading;

namespace AllexPortal.Web.Amounts;

/// <summary>
/// An open order on the exchange as a member without amounts sees it on the Trade page: when, pair, side, type and how
/// much of it filled in percent; never its size, price, stop, average or fee. The exchange's order id is left out as
/// well: it only serves to cancel, which needs the Trade permission (and with it amounts).
/// </summary>
public sealed record OpenOrderActivity(DateTimeOffset? CreatedAt, string Symbol, OrderSide Side, string? Type, decimal? FilledPercent)
{
    /// <summary>What of <paramref name="order"/> is not an amount; the filled part in whole percent (rounded down, so
    /// 100 % means filled), null for an order without a size.</summary>
    public static OpenOrderActivity Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        decimal? filled = order.Size > 0m ? Math.Clamp(Math.Floor(order.Filled / order.Size * 100m), 0m, 100m) : null;
        return new OpenOrderActivity(order.CreatedAt, order.Symbol, order.Side, order.Type, filled);
    }
}
