namespace AllexPortal.Core.Tax.Lots;

/// <summary>
/// HIFO: a priority queue keyed by <see cref="HifoRank"/>. A partly consumed lot goes back with its original
/// rank, so its unit cost (and place) does not drift with rounding.
/// </summary>
internal sealed class HifoLotStore : LotStore
{
    private readonly PriorityQueue<HeldLot, HifoRank> _lots = new(HifoRank.Comparer);
    private decimal _quantity;
    private long _sequence;

    public override decimal Quantity => _quantity;

    public override void Add(in HeldLot lot)
    {
        _lots.Enqueue(lot, new HifoRank(lot.Cost / lot.Quantity, lot.AcquiredAtTicks, lot.LedgerId, _sequence++));
        _quantity += lot.Quantity;
    }

    /// <summary>
    /// Ranks every piece of the pool at the pool's one unit cost, so the pieces (whose rounded costs differ in the
    /// last place) go out as one lot, oldest first, instead of in the order of their rounding.
    /// </summary>
    public override void AddPooled(List<HeldLot> pieces)
    {
        var quantity = 0m;
        var cost = 0m;
        foreach (var piece in pieces)
        {
            quantity += piece.Quantity;
            cost += piece.Cost;
        }

        if (quantity == 0)
        {
            return;
        }

        var unitCost = cost / quantity;
        foreach (var piece in pieces)
        {
            _lots.Enqueue(piece, new HifoRank(unitCost, piece.AcquiredAtTicks, piece.LedgerId, _sequence++));
            _quantity += piece.Quantity;
        }
    }

    public override decimal Take(decimal quantity, List<HeldLot> taken)
    {
        var remaining = quantity;
        while (remaining > 0 && _lots.TryDequeue(out var lot, out var rank))
        {
            if (lot.Quantity > remaining)
            {
                taken.Add(lot.SplitOff(remaining));
                _lots.Enqueue(lot, rank);
                remaining = 0;
                break;
            }

            taken.Add(lot);
            remaining -= lot.Quantity;
        }

        _quantity -= quantity - remaining;
        return remaining;
    }

    public override void CopyTo(List<HeldLot> lots)
    {
        var start = lots.Count;
        foreach (var (lot, _) in _lots.UnorderedItems)
        {
            lots.Add(lot);
        }

        lots.Sort(start, lots.Count - start, Comparer<HeldLot>.Create(static (x, y) =>
            x.AcquiredBefore(y) ? -1 : y.AcquiredBefore(x) ? 1 : 0));
    }
}
