using AllexPortal.Exchange.Market;
using AllexPortal.Web.Ledger;

namespace AllexPortal.Web.Tests.Amounts;

/// <summary>Ledger fills with amounts long enough to be recognised in markup, for the amount-hiding tests.</summary>
internal static class AmountRows
{
    public static LedgerTrade Trade(string symbol, OrderSide side, decimal size, decimal price, DateTimeOffset at, DateTimeOffset syncedAt)
    {
        var coins = symbol.Split('-');
        return new LedgerTrade
        {
            Key = $"{symbol}-{(at - syncedAt).TotalMinutes:0}#0",
            Symbol = symbol,
            BaseCurrency = coins[0],
            QuoteCurrency = coins[1],
            Side = side,
            Size = size,
            Price = price,
            QuoteAmount = size * price,
            Fee = 0.00123457m,
            FeeCoin = coins[0],
            OrderId = $"order-{(at - syncedAt).TotalMinutes:0}",
            Timestamp = at,
            SyncedAt = syncedAt,
        };
    }
}
