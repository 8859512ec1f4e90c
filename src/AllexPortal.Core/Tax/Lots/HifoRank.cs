namespace AllexPortal.Core.Tax.Lots;

/// <summary>
/// The priority of a lot under HIFO: highest unit cost first, then earliest acquisition, then ledger id, then
/// insertion order (pieces of one lot returning from transit), so the order never depends on the heap's layout.
/// </summary>
internal readonly record struct HifoRank(decimal UnitCost, long AcquiredAtTicks, long LedgerId, long Sequence)
{
    public static IComparer<HifoRank> Comparer { get; } = Comparer<HifoRank>.Create(static (x, y) =>
    {
        var byCost = y.UnitCost.CompareTo(x.UnitCost);
        if (byCost != 0)
        {
            return byCost;
        }

        var byTime = x.AcquiredAtTicks.CompareTo(y.AcquiredAtTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byLedger = x.LedgerId.CompareTo(y.LedgerId);
        return byLedger != 0 ? byLedger : x.Sequence.CompareTo(y.Sequence);
    });
}
