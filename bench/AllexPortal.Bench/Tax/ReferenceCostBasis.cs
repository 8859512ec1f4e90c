using AllexPortal.Core.Assets;
using AllexPortal.Core.Tax;
using AllexPortal.Core.Tax.Events;

namespace AllexPortal.Bench.Tax;

/// <summary>
/// The straightforward implementation the engine is measured against: a <see cref="List{T}"/> of lot objects
/// per coin, FIFO by removing from the front, HIFO and average cost by linear scans, and one row object per lot
/// matched. It handles only what the generated history contains (trades against usdt with the fee in usdt).
/// </summary>
public static class ReferenceCostBasis
{
    public static List<ReferenceDisposal> Disposals(IReadOnlyList<TradeEvent> trades, CostBasisMethod method)
    {
        var lots = new Dictionary<Asset, List<ReferenceLot>>();
        var rows = new List<ReferenceDisposal>();
        foreach (var trade in trades)
        {
            var fee = trade.Fee?.Quantity ?? 0m;
            if (trade.Sold.Asset == Asset.Usdt)
            {
                if (!lots.TryGetValue(trade.Bought.Asset, out var open))
                {
                    open = [];
                    lots.Add(trade.Bought.Asset, open);
                }

                open.Add(new ReferenceLot(trade.Time, trade.Bought.Quantity, trade.Sold.Quantity + fee));
                continue;
            }

            var proceeds = trade.Bought.Quantity - fee;
            var held = lots[trade.Sold.Asset];
            if (method == CostBasisMethod.AverageCost)
            {
                rows.Add(new ReferenceDisposal(trade, trade.Sold.Quantity, proceeds, TakeAverage(held, trade.Sold.Quantity)));
            }
            else
            {
                TakeInOrder(held, trade, proceeds, method, rows);
            }
        }

        return rows;
    }

    private static void TakeInOrder(
        List<ReferenceLot> held, TradeEvent trade, decimal proceeds, CostBasisMethod method, List<ReferenceDisposal> rows)
    {
        var quantity = trade.Sold.Quantity;
        while (quantity > 0 && held.Count > 0)
        {
            var index = method == CostBasisMethod.Hifo ? Dearest(held) : method == CostBasisMethod.Lifo ? held.Count - 1 : 0;
            var lot = held[index];
            var taken = Math.Min(lot.Quantity, quantity);
            var share = lot.Cost * taken / lot.Quantity;
            rows.Add(new ReferenceDisposal(trade, taken, proceeds * taken / trade.Sold.Quantity, share));
            quantity -= taken;
            lot.Quantity -= taken;
            lot.Cost -= share;
            if (lot.Quantity == 0)
            {
                held.RemoveAt(index);
            }
        }
    }

    private static int Dearest(List<ReferenceLot> held)
    {
        var best = 0;
        for (var i = 1; i < held.Count; i++)
        {
            if (held[i].Cost / held[i].Quantity > held[best].Cost / held[best].Quantity)
            {
                best = i;
            }
        }

        return best;
    }

    private static decimal TakeAverage(List<ReferenceLot> held, decimal quantity)
    {
        var totalQuantity = held.Sum(lot => lot.Quantity);
        var totalCost = held.Sum(lot => lot.Cost);
        var taken = Math.Min(quantity, totalQuantity);
        var cost = totalCost * taken / totalQuantity;
        var remaining = totalQuantity - taken;
        held.Clear();
        if (remaining > 0)
        {
            held.Add(new ReferenceLot(DateTimeOffset.MinValue, remaining, totalCost - cost));
        }

        return cost;
    }

    private sealed class ReferenceLot(DateTimeOffset acquiredAt, decimal quantity, decimal cost)
    {
        public DateTimeOffset AcquiredAt { get; } = acquiredAt;

        public decimal Quantity { get; set; } = quantity;

        public decimal Cost { get; set; } = cost;
    }

    /// <summary>One lot matched by one sale.</summary>
    public sealed class ReferenceDisposal(TradeEvent sale, decimal quantity, decimal proceeds, decimal cost)
    {
        public TradeEvent Sale { get; } = sale;

        public decimal Quantity { get; } = quantity;

        public decimal Proceeds { get; } = proceeds;

        public decimal Cost { get; } = cost;

        public decimal Gain => Proceeds - Cost;
    }
}
