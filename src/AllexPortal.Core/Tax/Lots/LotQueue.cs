namespace AllexPortal.Core.Tax.Lots;

/// <summary>
/// A ring-buffer deque of lots kept in acquisition order: the oldest at the front, the newest at the back.
/// </summary>
/// <remarks>
/// Nearly every insert is the newest lot and lands at the back in O(1). Lots returning from transit are older
/// than some held lots; they are slotted into place by shifting, which is rare and keeps FIFO and LIFO honest
/// about acquisition dates.
/// </remarks>
internal sealed class LotQueue
{
    private HeldLot[] _items = new HeldLot[8];
    private int _head;

    public int Count { get; private set; }

    public ref HeldLot Front => ref At(0);

    public ref HeldLot Back => ref At(Count - 1);

    public ref HeldLot At(int index) => ref _items[(_head + index) & (_items.Length - 1)];

    public void Insert(in HeldLot lot)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        var position = Count;
        while (position > 0 && lot.AcquiredBefore(At(position - 1)))
        {
            At(position) = At(position - 1);
            position--;
        }

        At(position) = lot;
        Count++;
    }

    public void PopFront()
    {
        _head = (_head + 1) & (_items.Length - 1);
        Count--;
    }

    public void PopBack() => Count--;

    private void Grow()
    {
        var larger = new HeldLot[_items.Length * 2];
        for (var i = 0; i < Count; i++)
        {
            larger[i] = At(i);
        }

        _items = larger;
        _head = 0;
    }
}
