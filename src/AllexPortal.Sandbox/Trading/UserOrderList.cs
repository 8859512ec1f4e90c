using AllexPortal.Sandbox.Accounts;
using AllexPortal.Sandbox.Markets;

namespace AllexPortal.Sandbox.Trading;

/// <summary>A user's orders as one time-ordered list without storing history twice: each historical fill
/// is its own filled limit order (projected on access), followed by the live orders.</summary>
internal sealed class UserOrderList(SandboxUser user) : IReadOnlyList<SandboxOrder>
{
    public int Count => user.HistoricalFills + user.Orders.Count;

    public SandboxOrder this[int index] => index < user.HistoricalFills
        ? FromFill(user.Trades[index])
        : user.Orders[index - user.HistoricalFills].ToWire();

    public IEnumerator<SandboxOrder> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public SandboxOrder? Find(string id)
    {
        if (user.Orders.FirstOrDefault(o => o.Id.ToString() == id) is { } live)
        {
            return live.ToWire();
        }
        for (var i = 0; i < user.HistoricalFills; i++)
        {
            if (user.Trades[i].OrderId == id)
            {
                return FromFill(user.Trades[i]);
            }
        }
        return null;
    }

    private SandboxOrder FromFill(SandboxTrade trade)
    {
        var fees = FeeTiers.For(user.VerificationLevel);
        return new SandboxOrder(trade.OrderId, trade.Side, trade.Symbol, "limit", trade.Size, trade.Price, null, trade.Size,
            trade.Price, "filled", trade.Fee, trade.FeeCoin, fees, new Dictionary<string, object>(), user.Id, trade.Timestamp, trade.Timestamp);
    }
}
