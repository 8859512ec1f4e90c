using AllexPortal.Sandbox.Accounts;

namespace AllexPortal.Sandbox.Trading;

/// <summary>A user's orders as one time-ordered list without storing history twice: each historical fill
/// is its own filled limit order, followed by the live orders.</summary>
internal sealed class UserOrderList(SandboxUser user) : IReadOnlyList<OrderRow>
{
    public int Count => user.HistoricalFills + user.Orders.Count;

    public OrderRow this[int index] => index < user.HistoricalFills
        ? new OrderRow(user, user.Trades[index], null)
        : new OrderRow(user, null, user.Orders[index - user.HistoricalFills]);

    public IEnumerator<OrderRow> GetEnumerator()
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
                return this[i].ToWire();
            }
        }
        return null;
    }
}
