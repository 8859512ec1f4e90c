namespace AllexPortal.Core.Tax.Lots;

/// <summary>
/// The engine's working form of a lot: a mutable struct so the lot stores can shrink a lot in place without
/// allocating. <see cref="Lot"/> is its public, immutable face.
/// </summary>
/// <remarks>The acquisition time is kept as UTC ticks: half the size of a <see cref="DateTimeOffset"/>, and
/// comparisons in the hot path are plain integer comparisons.</remarks>
internal struct HeldLot(long ledgerId, long acquiredAtTicks, decimal quantity, decimal cost)
{
    public long LedgerId = ledgerId;
    public long AcquiredAtTicks = acquiredAtTicks;
    public decimal Quantity = quantity;
    public decimal Cost = cost;

    /// <summary>
    /// Cuts <paramref name="quantity"/> (less than the whole lot) off this lot with its pro-rata share of the cost.
    /// The piece's cost is rounded once and the remainder stays with this lot, so the two costs add up exactly to
    /// the original cost.
    /// </summary>
    public HeldLot SplitOff(decimal quantity)
    {
        var cost = ValueRounding.Share(Cost, quantity, Quantity);
        Quantity -= quantity;
        Cost -= cost;
        return new HeldLot(LedgerId, AcquiredAtTicks, quantity, cost);
    }

    /// <summary>Whether this lot was acquired before <paramref name="other"/> (ties broken by ledger id).</summary>
    public readonly bool AcquiredBefore(in HeldLot other) =>
        AcquiredAtTicks < other.AcquiredAtTicks || (AcquiredAtTicks == other.AcquiredAtTicks && LedgerId < other.LedgerId);
}
