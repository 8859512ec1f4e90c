using AllexPortal.Exchange.Market;
using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Amounts;

/// <summary>A fill as a member without amounts sees it: when, which pair, which side; never size, price, volume or fee.</summary>
public sealed record TradeActivity(long Id, Guid ConnectionId, DateTimeOffset Timestamp, string Symbol, OrderSide Side)
{
    /// <summary>What of <paramref name="trade"/> is not an amount.</summary>
    public static TradeActivity Of(LedgerTrade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return new TradeActivity(trade.Id, trade.ConnectionId, trade.Timestamp, trade.Symbol, trade.Side);
    }
}
