namespace AllexPortal.Core.Tax.Lots;

/// <summary>
/// FIFO (take from the oldest end) or LIFO (take from the newest end) over one <see cref="LotQueue"/>.
/// Also serves as the in-transit queue of withdrawn coins, which deposits draw on oldest first.
/// </summary>
internal sealed class SequentialLotStore(bool newestFirst) : LotStore
{
    private readonly LotQueue _lots = new();
    private decimal _quantity;

    public override decimal Quantity => _quantity;

    public override void Add(in HeldLot lot)
    {
        _lots.Insert(lot);
        _quantity += lot.Quantity;
    }

    public override decimal Take(decimal quantity, List<HeldLot> taken)
    {
        var remaining = quantity;
        while (remaining > 0 && _lots.Count > 0)
        {
            ref var lot = ref newestFirst ? ref _lots.Back : ref _lots.Front;
            if (lot.Quantity > remaining)
            {
                taken.Add(lot.SplitOff(remaining));
                remaining = 0;
                break;
            }

            taken.Add(lot);
            remaining -= lot.Quantity;
            if (newestFirst)
            {
                _lots.PopBack();
            }
            else
            {
                _lots.PopFront();
            }
        }

        _quantity -= quantity - remaining;
        return remaining;
    }

    public override void CopyTo(List<HeldLot> lots)
    {
        for (var i = 0; i < _lots.Count; i++)
        {
            lots.Add(_lots.At(i));
        }
    }
}
