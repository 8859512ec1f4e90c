namespace AllexPortal.Core.Tax.Lots;

/// <summary>
/// Average cost pooled per asset: one pool quantity and one pool cost. The acquisitions stay queued oldest first
/// only to date the pieces of a disposal (see <see cref="CostBasisMethod.AverageCost"/>); their own costs are
/// folded into the pool when they arrive.
/// </summary>
internal sealed class AverageCostLotStore : LotStore
{
    private readonly LotQueue _dates = new();
    private decimal _quantity;
    private decimal _cost;

    public override decimal Quantity => _quantity;

    public override void Add(in HeldLot lot)
    {
        _dates.Insert(lot);
        _quantity += lot.Quantity;
        _cost += lot.Cost;
    }

    public override decimal Take(decimal quantity, List<HeldLot> taken)
    {
        var available = Math.Min(quantity, _quantity);
        if (available <= 0)
        {
            return quantity;
        }

        var cost = available == _quantity ? _cost : ValueRounding.Share(_cost, available, _quantity);
        Spread(available, cost, taken, consume: true);
        _quantity -= available;
        _cost -= cost;
        return quantity - available;
    }

    public override void CopyTo(List<HeldLot> lots)
    {
        if (_quantity > 0)
        {
            Spread(_quantity, _cost, lots, consume: false);
        }
    }

    /// <summary>
    /// Walks the queued acquisitions oldest first over <paramref name="quantity"/>, giving each piece its
    /// pro-rata share of <paramref name="cost"/>; the last piece takes the remainder so the shares add up exactly.
    /// </summary>
    private void Spread(decimal quantity, decimal cost, List<HeldLot> pieces, bool consume)
    {
        var remaining = quantity;
        var costLeft = cost;
        for (var i = 0; remaining > 0; i++)
        {
            ref var lot = ref _dates.At(consume ? 0 : i);
            var pieceQuantity = Math.Min(lot.Quantity, remaining);
            var pieceCost = pieceQuantity == remaining ? costLeft : ValueRounding.Share(cost, pieceQuantity, quantity);
            pieces.Add(new HeldLot(lot.LedgerId, lot.AcquiredAtTicks, pieceQuantity, pieceCost));
            remaining -= pieceQuantity;
            costLeft -= pieceCost;
            if (!consume)
            {
                continue;
            }

            if (lot.Quantity == pieceQuantity)
            {
                _dates.PopFront();
            }
            else
            {
                lot.Quantity -= pieceQuantity;
            }
        }
    }
}
